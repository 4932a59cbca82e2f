// Command hello is the baseline of the units size report: a hello world.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
