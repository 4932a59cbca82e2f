var notAModule = 1; // removed from the bundle by ("remove", ...)
