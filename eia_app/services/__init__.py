"""The services layer: the one API that the Streamlit UI and the CLI call."""
