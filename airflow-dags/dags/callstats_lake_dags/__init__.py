"""Shared building blocks of the callstats-lake DAGs (not DAG files themselves; see .airflowignore)."""
