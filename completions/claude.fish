complete --keep-order --exclusive --command claude --arguments "(COMPLETE=fish claude -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
