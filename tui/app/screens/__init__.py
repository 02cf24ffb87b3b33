"""The reader's screens: main, help, error and the date dialog."""
