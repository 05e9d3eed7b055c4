"""Built-in sample meetings (agendas in Markdown), used by `coopconsole demo` and the tests."""
