"""Pages as geometry in mm with the origin at the top-left corner of the trimmed page.

Nothing here imports reportlab: text is measured through kalender.render.text, everything
else is arithmetic. Items may reach into the bleed (negative coordinates or beyond the trim).
"""
