# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_align_global_optspecs
    string join \n C= format= color= q/quiet as-of= no-ignore no-history h/help V/version
end

function __fish_align_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_align_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_align_using_subcommand
    set -l cmd (__fish_align_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c align -n "__fish_align_needs_command" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_needs_command" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_needs_command" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_needs_command" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_needs_command" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_needs_command" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_needs_command" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_needs_command" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_needs_command" -f -a "init" -d 'Write align.yaml and a folder skeleton (never overwrites)'
complete -c align -n "__fish_align_needs_command" -f -a "new" -d 'Create a goal or a task from a template, linked from the start'
complete -c align -n "__fish_align_needs_command" -f -a "lint" -d 'Check the structure: every task traces to a KR, links resolve, one owner per goal'
complete -c align -n "__fish_align_needs_command" -f -a "audit" -d 'Audit execution: untraced work, lagging and starved KRs, coverage, gates'
complete -c align -n "__fish_align_needs_command" -f -a "status" -d 'Roll progress up from the work to the goals, as a tree'
complete -c align -n "__fish_align_needs_command" -f -a "next" -d 'Rank open tasks by their effect on lagging KRs'
complete -c align -n "__fish_align_needs_command" -f -a "checkin" -d 'Record a KR check-in (appends to the KR\'s file, nothing else changes)'
complete -c align -n "__fish_align_needs_command" -f -a "set" -d 'Set front-matter fields in place, changing nothing else'
complete -c align -n "__fish_align_needs_command" -f -a "done" -d 'Mark an item done today (or on --as-of)'
complete -c align -n "__fish_align_needs_command" -f -a "show" -d 'Show one item with its links out and in'
complete -c align -n "__fish_align_needs_command" -f -a "graph" -d 'Draw the goal graph as a Mermaid or Graphviz diagram'
complete -c align -n "__fish_align_needs_command" -f -a "report" -d 'Write a report: Monday planning, Wednesday blockers, Friday review'
complete -c align -n "__fish_align_needs_command" -f -a "trend" -d 'The audit metrics at points in git history'
complete -c align -n "__fish_align_needs_command" -f -a "capacity" -d 'Open work per owner and objective against capacity, and each objective\'s share'
complete -c align -n "__fish_align_needs_command" -f -a "site" -d 'Write the leadership view: a static, self-contained HTML site and data.json'
complete -c align -n "__fish_align_needs_command" -f -a "hook" -d 'Install or remove the git pre-commit hook that runs `align lint --staged`'
complete -c align -n "__fish_align_needs_command" -f -a "explain" -d 'Explain a lint rule: what it checks, why, and how to fix it'
complete -c align -n "__fish_align_needs_command" -f -a "config" -d 'Print the effective configuration (align.yaml with defaults filled in)'
complete -c align -n "__fish_align_needs_command" -f -a "lsp" -d 'Run the language server for editors (LSP over stdin/stdout)'
complete -c align -n "__fish_align_needs_command" -f -a "schema" -d 'Print JSON Schema (draft 2020-12) for item files or align.yaml'
complete -c align -n "__fish_align_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c align -n "__fish_align_needs_command" -f -a "man" -d 'Print the man page (roff), or write one page per subcommand'
complete -c align -n "__fish_align_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand init" -l example -d 'Also write a small example workspace' -r -f -a "marketing\t''
product\t''"
complete -c align -n "__fish_align_using_subcommand init" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand init" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand init" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand init" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand init" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand init" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand init" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand init" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand init" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand new" -l kr -d 'A KR the new item links to (repeatable)' -r
complete -c align -n "__fish_align_using_subcommand new" -l initiative -d 'An initiative the new task links to (repeatable)' -r
complete -c align -n "__fish_align_using_subcommand new" -l objective -d 'The objective of a new KR' -r
complete -c align -n "__fish_align_using_subcommand new" -l parent -d 'The parent of a new objective' -r
complete -c align -n "__fish_align_using_subcommand new" -l owner -d 'The owner' -r
complete -c align -n "__fish_align_using_subcommand new" -l due -d 'Due date, YYYY-MM-DD' -r
complete -c align -n "__fish_align_using_subcommand new" -l start -d 'A new KR\'s metric: the value it starts from' -r
complete -c align -n "__fish_align_using_subcommand new" -l target -d 'A new KR\'s metric: the value it aims for' -r
complete -c align -n "__fish_align_using_subcommand new" -l unit -d 'A new KR\'s metric: its unit (e.g. USD, signups)' -r
complete -c align -n "__fish_align_using_subcommand new" -l label -d 'A label (repeatable)' -r
complete -c align -n "__fish_align_using_subcommand new" -l reason -d 'Why unplanned work was taken on' -r
complete -c align -n "__fish_align_using_subcommand new" -l id -d 'Use this id instead of a generated one' -r
complete -c align -n "__fish_align_using_subcommand new" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand new" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand new" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand new" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand new" -l unplanned -d 'The task is reactive work that links to no goal (needs --reason)'
complete -c align -n "__fish_align_using_subcommand new" -l edit -d 'Open the new file in $VISUAL or $EDITOR'
complete -c align -n "__fish_align_using_subcommand new" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand new" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand new" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand new" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand new" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand lint" -l base -d 'Only report findings that are new compared with this git revision' -r
complete -c align -n "__fish_align_using_subcommand lint" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand lint" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand lint" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand lint" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand lint" -l staged -d 'Check the content staged in the git index, not the work tree'
complete -c align -n "__fish_align_using_subcommand lint" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand lint" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand lint" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand lint" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand lint" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand audit" -l period -d 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15' -r
complete -c align -n "__fish_align_using_subcommand audit" -l max-untraced -d 'Gate: fail when untraced work is above N percent' -r
complete -c align -n "__fish_align_using_subcommand audit" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand audit" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand audit" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand audit" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand audit" -l allow-unreadable -d 'Pass the `readable_input` gate although some files could not be read'
complete -c align -n "__fish_align_using_subcommand audit" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand audit" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand audit" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand audit" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand audit" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand status" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand status" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand status" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand status" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand status" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand status" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand status" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand status" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand status" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand next" -l owner -d 'Only tasks owned by P' -r
complete -c align -n "__fish_align_using_subcommand next" -l limit -d 'How many tasks to show' -r
complete -c align -n "__fish_align_using_subcommand next" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand next" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand next" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand next" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand next" -l explain -d 'Show what each score is made of, KR by KR'
complete -c align -n "__fish_align_using_subcommand next" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand next" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand next" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand next" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand next" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand checkin" -l confidence -d 'How sure the owner is of reaching the target, 0 to 1' -r
complete -c align -n "__fish_align_using_subcommand checkin" -l note -d 'A short note' -r
complete -c align -n "__fish_align_using_subcommand checkin" -l date -d 'The check-in\'s date (default: --as-of or today)' -r
complete -c align -n "__fish_align_using_subcommand checkin" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand checkin" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand checkin" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand checkin" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand checkin" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand checkin" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand checkin" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand checkin" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand checkin" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand set" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand set" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand set" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand set" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand set" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand set" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand set" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand set" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand set" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand done" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand done" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand done" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand done" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand done" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand done" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand done" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand done" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand done" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand show" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand show" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand show" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand show" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand show" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand show" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand show" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand show" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand show" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand graph" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand graph" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand graph" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand graph" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand graph" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand graph" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand graph" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand graph" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand graph" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -f -a "planning" -d 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -f -a "blockers" -d 'Wednesday: every blocked, late and in-review item with owner, due date and days'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -f -a "review" -d 'Friday: the week\'s finished work, KRs that changed status, check-ins due'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -f -a "weekly" -d 'The Friday review under its old name (alias of `review`)'
complete -c align -n "__fish_align_using_subcommand report; and not __fish_seen_subcommand_from planning blockers review weekly help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from planning" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from blockers" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from review" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from weekly" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "planning" -d 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "blockers" -d 'Wednesday: every blocked, late and in-review item with owner, due date and days'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "review" -d 'Friday: the week\'s finished work, KRs that changed status, check-ins due'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "weekly" -d 'The Friday review under its old name (alias of `review`)'
complete -c align -n "__fish_align_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand trend" -l since -d 'The first date (default: 12 weeks before --as-of)' -r
complete -c align -n "__fish_align_using_subcommand trend" -l every -d 'The step between points' -r -f -a "week\t''
month\t''"
complete -c align -n "__fish_align_using_subcommand trend" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand trend" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand trend" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand trend" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand trend" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand trend" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand trend" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand trend" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand trend" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand capacity" -l period -d 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15' -r
complete -c align -n "__fish_align_using_subcommand capacity" -l owner -d 'Only the row of owner P' -r
complete -c align -n "__fish_align_using_subcommand capacity" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand capacity" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand capacity" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand capacity" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand capacity" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand capacity" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand capacity" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand capacity" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand capacity" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand site" -l out -d 'The folder to write (default: site/ under the root); outside the root only when given' -r -F
complete -c align -n "__fish_align_using_subcommand site" -l period -d 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15' -r
complete -c align -n "__fish_align_using_subcommand site" -l title -d 'The site\'s title (default: the root folder\'s name)' -r
complete -c align -n "__fish_align_using_subcommand site" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand site" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand site" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand site" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand site" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand site" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand site" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand site" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand site" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -f -a "install" -d 'Install the pre-commit hook (chains an existing hook)'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -f -a "uninstall" -d 'Remove the hook and restore what was there before'
complete -c align -n "__fish_align_using_subcommand hook; and not __fish_seen_subcommand_from install uninstall help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l force -d 'Replace an existing hook instead of chaining it'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "install" -d 'Install the pre-commit hook (chains an existing hook)'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove the hook and restore what was there before'
complete -c align -n "__fish_align_using_subcommand hook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand explain" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand explain" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand explain" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand explain" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand explain" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand explain" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand explain" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand explain" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand explain" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand config" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand config" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand config" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand config" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand config" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand config" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand config" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand config" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand config" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand lsp" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand lsp" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand lsp" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand lsp" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand lsp" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand lsp" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand lsp" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand lsp" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand lsp" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand schema" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand schema" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand schema" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand schema" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand schema" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand schema" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand schema" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c align -n "__fish_align_using_subcommand schema" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand completions" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand completions" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand completions" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand completions" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand completions" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand completions" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand completions" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand completions" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand completions" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand man" -l out -d 'Write align.1 and one page per subcommand (align-lint.1, …) into DIR' -r -F
complete -c align -n "__fish_align_using_subcommand man" -s C -d 'Run as if started in DIR (the root is searched from there)' -r -F
complete -c align -n "__fish_align_using_subcommand man" -l format -d 'Output format (each command lists the ones it supports)' -r -f -a "human\t''
json\t''
short\t''
github\t''
sarif\t''
markdown\t''
csv\t''
mermaid\t''
dot\t''"
complete -c align -n "__fish_align_using_subcommand man" -l color -d 'When to use colours (NO_COLOR is honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c align -n "__fish_align_using_subcommand man" -l as-of -d 'The day to judge time by, YYYY-MM-DD (default: today)' -r
complete -c align -n "__fish_align_using_subcommand man" -s q -l quiet -d 'Print nothing but errors; the exit status tells the result'
complete -c align -n "__fish_align_using_subcommand man" -l no-ignore -d 'Read files that git ignores too'
complete -c align -n "__fish_align_using_subcommand man" -l no-history -d 'Judge by the files\' own dates only, reading no git history'
complete -c align -n "__fish_align_using_subcommand man" -s h -l help -d 'Print help'
complete -c align -n "__fish_align_using_subcommand man" -s V -l version -d 'Print version'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "init" -d 'Write align.yaml and a folder skeleton (never overwrites)'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "new" -d 'Create a goal or a task from a template, linked from the start'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "lint" -d 'Check the structure: every task traces to a KR, links resolve, one owner per goal'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "audit" -d 'Audit execution: untraced work, lagging and starved KRs, coverage, gates'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "status" -d 'Roll progress up from the work to the goals, as a tree'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "next" -d 'Rank open tasks by their effect on lagging KRs'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "checkin" -d 'Record a KR check-in (appends to the KR\'s file, nothing else changes)'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "set" -d 'Set front-matter fields in place, changing nothing else'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "done" -d 'Mark an item done today (or on --as-of)'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "show" -d 'Show one item with its links out and in'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "graph" -d 'Draw the goal graph as a Mermaid or Graphviz diagram'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "report" -d 'Write a report: Monday planning, Wednesday blockers, Friday review'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "trend" -d 'The audit metrics at points in git history'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "capacity" -d 'Open work per owner and objective against capacity, and each objective\'s share'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "site" -d 'Write the leadership view: a static, self-contained HTML site and data.json'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "hook" -d 'Install or remove the git pre-commit hook that runs `align lint --staged`'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "explain" -d 'Explain a lint rule: what it checks, why, and how to fix it'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "config" -d 'Print the effective configuration (align.yaml with defaults filled in)'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "lsp" -d 'Run the language server for editors (LSP over stdin/stdout)'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "schema" -d 'Print JSON Schema (draft 2020-12) for item files or align.yaml'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "man" -d 'Print the man page (roff), or write one page per subcommand'
complete -c align -n "__fish_align_using_subcommand help; and not __fish_seen_subcommand_from init new lint audit status next checkin set done show graph report trend capacity site hook explain config lsp schema completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "planning" -d 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "blockers" -d 'Wednesday: every blocked, late and in-review item with owner, due date and days'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "review" -d 'Friday: the week\'s finished work, KRs that changed status, check-ins due'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "weekly" -d 'The Friday review under its old name (alias of `review`)'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from hook" -f -a "install" -d 'Install the pre-commit hook (chains an existing hook)'
complete -c align -n "__fish_align_using_subcommand help; and __fish_seen_subcommand_from hook" -f -a "uninstall" -d 'Remove the hook and restore what was there before'
