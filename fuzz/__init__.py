"""Fuzz targets for transcript-align; see README.md here."""
