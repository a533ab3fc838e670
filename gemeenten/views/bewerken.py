"""Profile editing by municipal officials and programme staff."""
