"""Drawing for people: Rich tables (draw.py, topics.py, facts.py, sources.py), the phrases they share,
and safe.py, which makes untrusted text literal on a terminal. The formats package decides when."""
