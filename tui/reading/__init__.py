"""The reader's logic with no terminal in it: what to highlight, where n/N go,
how a story is laid out in lines. The Textual screens call these and draw
the result; everything here is tested without an app."""
