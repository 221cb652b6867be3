"""The only package that imports reportlab: text measurement and PDF drawing."""
