module github.com/gocycle/gocycle

go 1.26
