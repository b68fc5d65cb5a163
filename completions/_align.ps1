
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'align' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'align'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'align' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write align.yaml and a folder skeleton (never overwrites)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a goal or a task from a template, linked from the start')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check the structure: every task traces to a KR, links resolve, one owner per goal')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit execution: untraced work, lagging and starved KRs, coverage, gates')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Roll progress up from the work to the goals, as a tree')
            [CompletionResult]::new('next', 'next', [CompletionResultType]::ParameterValue, 'Rank open tasks by their effect on lagging KRs')
            [CompletionResult]::new('checkin', 'checkin', [CompletionResultType]::ParameterValue, 'Record a KR check-in (appends to the KR''s file, nothing else changes)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set front-matter fields in place, changing nothing else')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an item done today (or on --as-of)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item with its links out and in')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw the goal graph as a Mermaid or Graphviz diagram')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a report: Monday planning, Wednesday blockers, Friday review')
            [CompletionResult]::new('trend', 'trend', [CompletionResultType]::ParameterValue, 'The audit metrics at points in git history')
            [CompletionResult]::new('capacity', 'capacity', [CompletionResultType]::ParameterValue, 'Open work per owner and objective against capacity, and each objective''s share')
            [CompletionResult]::new('site', 'site', [CompletionResultType]::ParameterValue, 'Write the leadership view: a static, self-contained HTML site and data.json')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Install or remove the git pre-commit hook that runs `align lint --staged`')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a lint rule: what it checks, why, and how to fix it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the effective configuration (align.yaml with defaults filled in)')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'Run the language server for editors (LSP over stdin/stdout)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print JSON Schema (draft 2020-12) for item files or align.yaml')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;init' {
            [CompletionResult]::new('--example', '--example', [CompletionResultType]::ParameterName, 'Also write a small example workspace')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;new' {
            [CompletionResult]::new('--kr', '--kr', [CompletionResultType]::ParameterName, 'A KR the new item links to (repeatable)')
            [CompletionResult]::new('--initiative', '--initiative', [CompletionResultType]::ParameterName, 'An initiative the new task links to (repeatable)')
            [CompletionResult]::new('--objective', '--objective', [CompletionResultType]::ParameterName, 'The objective of a new KR')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'The parent of a new objective')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'The owner')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Due date, YYYY-MM-DD')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'A new KR''s metric: the value it starts from')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'A new KR''s metric: the value it aims for')
            [CompletionResult]::new('--unit', '--unit', [CompletionResultType]::ParameterName, 'A new KR''s metric: its unit (e.g. USD, signups)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A label (repeatable)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why unplanned work was taken on')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Use this id instead of a generated one')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('--unplanned', '--unplanned', [CompletionResultType]::ParameterName, 'The task is reactive work that links to no goal (needs --reason)')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Open the new file in $VISUAL or $EDITOR')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;lint' {
            [CompletionResult]::new('--base', '--base', [CompletionResultType]::ParameterName, 'Only report findings that are new compared with this git revision')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('--staged', '--staged', [CompletionResultType]::ParameterName, 'Check the content staged in the git index, not the work tree')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;audit' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15')
            [CompletionResult]::new('--max-untraced', '--max-untraced', [CompletionResultType]::ParameterName, 'Gate: fail when untraced work is above N percent')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('--allow-unreadable', '--allow-unreadable', [CompletionResultType]::ParameterName, 'Pass the `readable_input` gate although some files could not be read')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;status' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;next' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only tasks owned by P')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many tasks to show')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show what each score is made of, KR by KR')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;checkin' {
            [CompletionResult]::new('--confidence', '--confidence', [CompletionResultType]::ParameterName, 'How sure the owner is of reaching the target, 0 to 1')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A short note')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The check-in''s date (default: --as-of or today)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;set' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;done' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;graph' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;report' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('planning', 'planning', [CompletionResultType]::ParameterValue, 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake')
            [CompletionResult]::new('blockers', 'blockers', [CompletionResultType]::ParameterValue, 'Wednesday: every blocked, late and in-review item with owner, due date and days')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Friday: the week''s finished work, KRs that changed status, check-ins due')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'The Friday review under its old name (alias of `review`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;report;planning' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;report;blockers' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;report;review' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;report;weekly' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;report;help' {
            [CompletionResult]::new('planning', 'planning', [CompletionResultType]::ParameterValue, 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake')
            [CompletionResult]::new('blockers', 'blockers', [CompletionResultType]::ParameterValue, 'Wednesday: every blocked, late and in-review item with owner, due date and days')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Friday: the week''s finished work, KRs that changed status, check-ins due')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'The Friday review under its old name (alias of `review`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;report;help;planning' {
            break
        }
        'align;report;help;blockers' {
            break
        }
        'align;report;help;review' {
            break
        }
        'align;report;help;weekly' {
            break
        }
        'align;report;help;help' {
            break
        }
        'align;trend' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The first date (default: 12 weeks before --as-of)')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'The step between points')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;capacity' {
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only the row of owner P')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;site' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The folder to write (default: site/ under the root); outside the root only when given')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The site''s title (default: the root folder''s name)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;hook' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the pre-commit hook (chains an existing hook)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the hook and restore what was there before')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;hook;install' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing hook instead of chaining it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;hook;uninstall' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;hook;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the pre-commit hook (chains an existing hook)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the hook and restore what was there before')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;hook;help;install' {
            break
        }
        'align;hook;help;uninstall' {
            break
        }
        'align;hook;help;help' {
            break
        }
        'align;explain' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;config' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;lsp' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;schema' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write align.1 and one page per subcommand (align-lint.1, …) into DIR')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR (the root is searched from there)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (each command lists the ones it supports)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured under auto)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The day to judge time by, YYYY-MM-DD (default: today)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors; the exit status tells the result')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that git ignores too')
            [CompletionResult]::new('--no-history', '--no-history', [CompletionResultType]::ParameterName, 'Judge by the files'' own dates only, reading no git history')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'align;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write align.yaml and a folder skeleton (never overwrites)')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Create a goal or a task from a template, linked from the start')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check the structure: every task traces to a KR, links resolve, one owner per goal')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audit execution: untraced work, lagging and starved KRs, coverage, gates')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Roll progress up from the work to the goals, as a tree')
            [CompletionResult]::new('next', 'next', [CompletionResultType]::ParameterValue, 'Rank open tasks by their effect on lagging KRs')
            [CompletionResult]::new('checkin', 'checkin', [CompletionResultType]::ParameterValue, 'Record a KR check-in (appends to the KR''s file, nothing else changes)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set front-matter fields in place, changing nothing else')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark an item done today (or on --as-of)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item with its links out and in')
            [CompletionResult]::new('graph', 'graph', [CompletionResultType]::ParameterValue, 'Draw the goal graph as a Mermaid or Graphviz diagram')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a report: Monday planning, Wednesday blockers, Friday review')
            [CompletionResult]::new('trend', 'trend', [CompletionResultType]::ParameterValue, 'The audit metrics at points in git history')
            [CompletionResult]::new('capacity', 'capacity', [CompletionResultType]::ParameterValue, 'Open work per owner and objective against capacity, and each objective''s share')
            [CompletionResult]::new('site', 'site', [CompletionResultType]::ParameterValue, 'Write the leadership view: a static, self-contained HTML site and data.json')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Install or remove the git pre-commit hook that runs `align lint --staged`')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a lint rule: what it checks, why, and how to fix it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the effective configuration (align.yaml with defaults filled in)')
            [CompletionResult]::new('lsp', 'lsp', [CompletionResultType]::ParameterValue, 'Run the language server for editors (LSP over stdin/stdout)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print JSON Schema (draft 2020-12) for item files or align.yaml')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'align;help;init' {
            break
        }
        'align;help;new' {
            break
        }
        'align;help;lint' {
            break
        }
        'align;help;audit' {
            break
        }
        'align;help;status' {
            break
        }
        'align;help;next' {
            break
        }
        'align;help;checkin' {
            break
        }
        'align;help;set' {
            break
        }
        'align;help;done' {
            break
        }
        'align;help;show' {
            break
        }
        'align;help;graph' {
            break
        }
        'align;help;report' {
            [CompletionResult]::new('planning', 'planning', [CompletionResultType]::ParameterValue, 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake')
            [CompletionResult]::new('blockers', 'blockers', [CompletionResultType]::ParameterValue, 'Wednesday: every blocked, late and in-review item with owner, due date and days')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Friday: the week''s finished work, KRs that changed status, check-ins due')
            [CompletionResult]::new('weekly', 'weekly', [CompletionResultType]::ParameterValue, 'The Friday review under its old name (alias of `review`)')
            break
        }
        'align;help;report;planning' {
            break
        }
        'align;help;report;blockers' {
            break
        }
        'align;help;report;review' {
            break
        }
        'align;help;report;weekly' {
            break
        }
        'align;help;trend' {
            break
        }
        'align;help;capacity' {
            break
        }
        'align;help;site' {
            break
        }
        'align;help;hook' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install the pre-commit hook (chains an existing hook)')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove the hook and restore what was there before')
            break
        }
        'align;help;hook;install' {
            break
        }
        'align;help;hook;uninstall' {
            break
        }
        'align;help;explain' {
            break
        }
        'align;help;config' {
            break
        }
        'align;help;lsp' {
            break
        }
        'align;help;schema' {
            break
        }
        'align;help;completions' {
            break
        }
        'align;help;man' {
            break
        }
        'align;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
