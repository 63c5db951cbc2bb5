"""Analysis of consultation responses with pandas: reading, recognising, counting."""
