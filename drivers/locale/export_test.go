package locale

// SetPlatformLanguages replaces the browser's languages for a test and
// returns the function that restores them.
func SetPlatformLanguages(langs ...string) (restore func()) {
	old := platformLanguages
	platformLanguages = func() []string { return langs }
	return func() { platformLanguages = old }
}
