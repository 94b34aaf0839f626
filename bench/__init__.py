"""`make bench`: the speed figures of docs/DESIGN.md section 6 (a package so mypy reads its modules once)."""
