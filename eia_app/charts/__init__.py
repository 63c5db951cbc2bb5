"""Plotly figures shared by the app's interactive charts and the Word export."""
