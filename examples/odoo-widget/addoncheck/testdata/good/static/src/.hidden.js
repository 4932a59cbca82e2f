var hidden = 1; // Python's glob skips dot files: not in the bundle
