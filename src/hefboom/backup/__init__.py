"""Backup and restore of a whole Hefboom: database, uploaded files and corpus store."""
