"""kalender: the intercultural wall calendar of the Main-Taunus-Kreis, built from YAML."""

__version__ = "0.1.0"
