"""Language data: word lists and patterns, kept apart from the logic that uses them."""
