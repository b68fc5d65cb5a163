
use builtin;
use str;

set edit:completion:arg-completer[align] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'align'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'align'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write align.yaml and a folder skeleton (never overwrites)'
            cand new 'Create a goal or a task from a template, linked from the start'
            cand lint 'Check the structure: every task traces to a KR, links resolve, one owner per goal'
            cand audit 'Audit execution: untraced work, lagging and starved KRs, coverage, gates'
            cand status 'Roll progress up from the work to the goals, as a tree'
            cand next 'Rank open tasks by their effect on lagging KRs'
            cand checkin 'Record a KR check-in (appends to the KR''s file, nothing else changes)'
            cand set 'Set front-matter fields in place, changing nothing else'
            cand done 'Mark an item done today (or on --as-of)'
            cand show 'Show one item with its links out and in'
            cand graph 'Draw the goal graph as a Mermaid or Graphviz diagram'
            cand report 'Write a report: Monday planning, Wednesday blockers, Friday review'
            cand trend 'The audit metrics at points in git history'
            cand capacity 'Open work per owner and objective against capacity, and each objective''s share'
            cand site 'Write the leadership view: a static, self-contained HTML site and data.json'
            cand hook 'Install or remove the git pre-commit hook that runs `align lint --staged`'
            cand explain 'Explain a lint rule: what it checks, why, and how to fix it'
            cand config 'Print the effective configuration (align.yaml with defaults filled in)'
            cand lsp 'Run the language server for editors (LSP over stdin/stdout)'
            cand schema 'Print JSON Schema (draft 2020-12) for item files or align.yaml'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;init'= {
            cand --example 'Also write a small example workspace'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;new'= {
            cand --kr 'A KR the new item links to (repeatable)'
            cand --initiative 'An initiative the new task links to (repeatable)'
            cand --objective 'The objective of a new KR'
            cand --parent 'The parent of a new objective'
            cand --owner 'The owner'
            cand --due 'Due date, YYYY-MM-DD'
            cand --start 'A new KR''s metric: the value it starts from'
            cand --target 'A new KR''s metric: the value it aims for'
            cand --unit 'A new KR''s metric: its unit (e.g. USD, signups)'
            cand --label 'A label (repeatable)'
            cand --reason 'Why unplanned work was taken on'
            cand --id 'Use this id instead of a generated one'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand --unplanned 'The task is reactive work that links to no goal (needs --reason)'
            cand --edit 'Open the new file in $VISUAL or $EDITOR'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;lint'= {
            cand --base 'Only report findings that are new compared with this git revision'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand --staged 'Check the content staged in the git index, not the work tree'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;audit'= {
            cand --period 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15'
            cand --max-untraced 'Gate: fail when untraced work is above N percent'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand --allow-unreadable 'Pass the `readable_input` gate although some files could not be read'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;status'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;next'= {
            cand --owner 'Only tasks owned by P'
            cand --limit 'How many tasks to show'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand --explain 'Show what each score is made of, KR by KR'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;checkin'= {
            cand --confidence 'How sure the owner is of reaching the target, 0 to 1'
            cand --note 'A short note'
            cand --date 'The check-in''s date (default: --as-of or today)'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;set'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;done'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;show'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;graph'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;report'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand planning 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
            cand blockers 'Wednesday: every blocked, late and in-review item with owner, due date and days'
            cand review 'Friday: the week''s finished work, KRs that changed status, check-ins due'
            cand weekly 'The Friday review under its old name (alias of `review`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;report;planning'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;report;blockers'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;report;review'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;report;weekly'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;report;help'= {
            cand planning 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
            cand blockers 'Wednesday: every blocked, late and in-review item with owner, due date and days'
            cand review 'Friday: the week''s finished work, KRs that changed status, check-ins due'
            cand weekly 'The Friday review under its old name (alias of `review`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;report;help;planning'= {
        }
        &'align;report;help;blockers'= {
        }
        &'align;report;help;review'= {
        }
        &'align;report;help;weekly'= {
        }
        &'align;report;help;help'= {
        }
        &'align;trend'= {
            cand --since 'The first date (default: 12 weeks before --as-of)'
            cand --every 'The step between points'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;capacity'= {
            cand --period 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15'
            cand --owner 'Only the row of owner P'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;site'= {
            cand --out 'The folder to write (default: site/ under the root); outside the root only when given'
            cand --period 'The window: 2026-Q4, 2026-H2, 2026, or 2026-10-01..2026-11-15'
            cand --title 'The site''s title (default: the root folder''s name)'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;hook'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Install the pre-commit hook (chains an existing hook)'
            cand uninstall 'Remove the hook and restore what was there before'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;hook;install'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand --force 'Replace an existing hook instead of chaining it'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;hook;uninstall'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;hook;help'= {
            cand install 'Install the pre-commit hook (chains an existing hook)'
            cand uninstall 'Remove the hook and restore what was there before'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;hook;help;install'= {
        }
        &'align;hook;help;uninstall'= {
        }
        &'align;hook;help;help'= {
        }
        &'align;explain'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;config'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;lsp'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;schema'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;completions'= {
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;man'= {
            cand --out 'Write align.1 and one page per subcommand (align-lint.1, …) into DIR'
            cand -C 'Run as if started in DIR (the root is searched from there)'
            cand --format 'Output format (each command lists the ones it supports)'
            cand --color 'When to use colours (NO_COLOR is honoured under auto)'
            cand --as-of 'The day to judge time by, YYYY-MM-DD (default: today)'
            cand -q 'Print nothing but errors; the exit status tells the result'
            cand --quiet 'Print nothing but errors; the exit status tells the result'
            cand --no-ignore 'Read files that git ignores too'
            cand --no-history 'Judge by the files'' own dates only, reading no git history'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'align;help'= {
            cand init 'Write align.yaml and a folder skeleton (never overwrites)'
            cand new 'Create a goal or a task from a template, linked from the start'
            cand lint 'Check the structure: every task traces to a KR, links resolve, one owner per goal'
            cand audit 'Audit execution: untraced work, lagging and starved KRs, coverage, gates'
            cand status 'Roll progress up from the work to the goals, as a tree'
            cand next 'Rank open tasks by their effect on lagging KRs'
            cand checkin 'Record a KR check-in (appends to the KR''s file, nothing else changes)'
            cand set 'Set front-matter fields in place, changing nothing else'
            cand done 'Mark an item done today (or on --as-of)'
            cand show 'Show one item with its links out and in'
            cand graph 'Draw the goal graph as a Mermaid or Graphviz diagram'
            cand report 'Write a report: Monday planning, Wednesday blockers, Friday review'
            cand trend 'The audit metrics at points in git history'
            cand capacity 'Open work per owner and objective against capacity, and each objective''s share'
            cand site 'Write the leadership view: a static, self-contained HTML site and data.json'
            cand hook 'Install or remove the git pre-commit hook that runs `align lint --staged`'
            cand explain 'Explain a lint rule: what it checks, why, and how to fix it'
            cand config 'Print the effective configuration (align.yaml with defaults filled in)'
            cand lsp 'Run the language server for editors (LSP over stdin/stdout)'
            cand schema 'Print JSON Schema (draft 2020-12) for item files or align.yaml'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'align;help;init'= {
        }
        &'align;help;new'= {
        }
        &'align;help;lint'= {
        }
        &'align;help;audit'= {
        }
        &'align;help;status'= {
        }
        &'align;help;next'= {
        }
        &'align;help;checkin'= {
        }
        &'align;help;set'= {
        }
        &'align;help;done'= {
        }
        &'align;help;show'= {
        }
        &'align;help;graph'= {
        }
        &'align;help;report'= {
            cand planning 'Monday: lagging and starved KRs with the open work that could move them, and untraced intake'
            cand blockers 'Wednesday: every blocked, late and in-review item with owner, due date and days'
            cand review 'Friday: the week''s finished work, KRs that changed status, check-ins due'
            cand weekly 'The Friday review under its old name (alias of `review`)'
        }
        &'align;help;report;planning'= {
        }
        &'align;help;report;blockers'= {
        }
        &'align;help;report;review'= {
        }
        &'align;help;report;weekly'= {
        }
        &'align;help;trend'= {
        }
        &'align;help;capacity'= {
        }
        &'align;help;site'= {
        }
        &'align;help;hook'= {
            cand install 'Install the pre-commit hook (chains an existing hook)'
            cand uninstall 'Remove the hook and restore what was there before'
        }
        &'align;help;hook;install'= {
        }
        &'align;help;hook;uninstall'= {
        }
        &'align;help;explain'= {
        }
        &'align;help;config'= {
        }
        &'align;help;lsp'= {
        }
        &'align;help;schema'= {
        }
        &'align;help;completions'= {
        }
        &'align;help;man'= {
        }
        &'align;help;help'= {
        }
    ]
    $completions[$command]
}
