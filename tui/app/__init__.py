"""The reader: a Textual app that renders an Analysis and never computes one."""
