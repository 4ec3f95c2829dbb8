"""Readers and writers of outside files: Excel and CSV movements, later DHIS2 and GS1."""
