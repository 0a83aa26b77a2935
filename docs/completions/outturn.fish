function __outturn_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __outturn_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __outturn_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __outturn_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __outturn_parse_tokens -S
    set -l unparsed_tokens (__outturn_tokens -pc)
    switch $unparsed_tokens[1]
    case 'outturn'
        __outturn_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'project'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'format=' 'o/output=' 'record=' 'lang=' 'version' 'h/help'
        case 'report'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'out=' 'title=' 'scenario=+' 'set=+' 'scale=+' 'factor=+' 'add=+' 'store=' 'lang=' 'version' 'h/help'
        case 'whatif'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'scenario=+' 'set=+' 'scale=+' 'factor=+' 'add=+' 'changed-only' 'no-changed-only' 'all' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'pace'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'probability=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'sweep'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'from=' 'to=' 'step=' 'chart=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'plot'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'out=' 'lang=' 'version' 'h/help'
        case 'forecast'
            __outturn_parse_subcommand 1 'indicator=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'horizon=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'fit'
            __outturn_parse_subcommand 1 'indicator=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'backtest'
            __outturn_parse_subcommand 1 'indicator=+' 'as-of-month=' 'years=' 'aggregate=' 'targets=' 'horizon=' 'summary' 'chart=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'compare'
            __outturn_parse_subcommand 1 'targets=' 'as-of=' 'sheet=' 'model=' 'intervention=+' 'regressor=+' 'level=+' 'intervals=' 'models=' 'years=' 'format=' 'o/output=' 'lang=' 'version' 'h/help'
        case 'history'
            __outturn_parse_subcommand 1 'indicator=' 'format=' 'chart=' 'lang=' 'version' 'h/help'
        case 'help'
            __outturn_parse_subcommand -r 1 'version'
        end
    end
end

function __outturn_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __outturn_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __outturn_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __outturn_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__outturn_tokens -p)
    if test -z "$(__outturn_tokens -t)"
        set -l index (count (__outturn_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'outturn' -f
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'project' -d 'Project every target\'s year-end value, interval and probability of being met.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'report' -d 'Write a self-contained HTML report (or Markdown, for a .md path) with a chart per indicator.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'whatif' -d 'Project every target under the baseline and each scenario, side by side.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'pace' -d 'The monthly pace the remaining months need: to land on each target, and to make it likely.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'sweep' -d 'P(target met) as the remaining months shift uniformly, e.g. from −30% to +30%.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'plot' -d 'Write an SVG fan chart for every target into a folder.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'forecast' -d 'Forecast one indicator month by month with prediction intervals.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'fit' -d 'Fit a model to one indicator and print its summary (like R\'s summary(lm)).'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'backtest' -d 'How good would past years\' projections have been? Cut each complete year at a month, project, compare.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'compare' -d 'Why this model: backtest every candidate on each target\'s own figure, cut at the same month of earlier years.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'history' -d 'Show how each target\'s projection, interval and P(met) moved between recorded runs.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_positional "outturn" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" record' -l 'record' -d 'Record the run in a projection store (SQLite), for `outturn history`; alone, outturn.sqlite beside the observations.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn project" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" out' -l 'out' -d 'The report file: .html (self-contained) or .md.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" title' -l 'title' -d 'A report title (default: "Year-end outlook", or its --lang translation).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'scenario' -d 'A scenario file (YAML or JSON; see README). Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'set' -d 'Set months to a value: INDICATOR@FROM[..TO]=VALUE, e.g. water@2020-12=700. FROM alone is that one month. The change flags form one scenario and apply in the order typed; two --set of one month are refused.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'scale' -d 'Scale months by a percentage, sign and % required: INDICATOR@FROM[..TO]=PERCENT%, e.g. pm25@2020-10..2020-12=+10%.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'factor' -d 'Multiply months by a factor: INDICATOR@FROM[..TO]=FACTOR, e.g. pm25@2020-10..2020-12=1.1.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report"' -l 'add' -d 'Add an amount to months: INDICATOR@FROM[..TO]=AMOUNT.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" store' -l 'store' -d 'The projection store (from `project --record`) to compare with for \'since last month\'; default: outturn.sqlite beside the observations when it exists. Without a store, last month\'s projection is recomputed from the same data.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'scenario' -d 'A scenario file (YAML or JSON; see README). Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'set' -d 'Set months to a value: INDICATOR@FROM[..TO]=VALUE, e.g. water@2020-12=700. FROM alone is that one month. The change flags form one scenario and apply in the order typed; two --set of one month are refused.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'scale' -d 'Scale months by a percentage, sign and % required: INDICATOR@FROM[..TO]=PERCENT%, e.g. pm25@2020-10..2020-12=+10%.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'factor' -d 'Multiply months by a factor: INDICATOR@FROM[..TO]=FACTOR, e.g. pm25@2020-10..2020-12=1.1.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif"' -l 'add' -d 'Add an amount to months: INDICATOR@FROM[..TO]=AMOUNT.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" changed-only' -l 'changed-only' -d 'In the table, show only the scenarios that change a target, with its baseline (JSON and CSV hold every row).'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" no-changed-only' -l 'no-changed-only' -d 'In the table, show only the scenarios that change a target, with its baseline (JSON and CSV hold every row).'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" all' -l 'all' -d 'Show every target under every scenario (the same as --no-changed-only).'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn whatif" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" probability' -l 'probability' -d 'The chance of meeting the target to aim for, in percent.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn pace" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" from' -l 'from' -d 'Smallest shift in percent (may be negative).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" to' -l 'to' -d 'Largest shift in percent.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" step' -l 'step' -d 'Step in percent.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" chart' -l 'chart' -d 'Also write the sweep as an SVG line chart to this file.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn sweep" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" out' -l 'out' -d 'The folder to write the charts into (created if missing).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn plot" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" indicator' -l 'indicator' -d 'The indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" as-of' -l 'as-of' -d 'Fit on data up to this month (YYYY-MM); default: all data.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" horizon' -l 'horizon' -d 'Months to forecast after the last fitted month (1…1200).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn forecast" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" indicator' -l 'indicator' -d 'The indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" as-of' -l 'as-of' -d 'Fit on data up to this month (YYYY-MM); default: all data.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn fit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest"' -l 'indicator' -d 'Backtest only this indicator. Repeatable; default: every indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" as-of-month' -l 'as-of-month' -d 'Months of the year known at the cut, 0…11 (0: projected from the December before). Default: the month of the latest observation (0 when that is December).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" years' -l 'years' -d 'Years to backtest: a list or ranges, e.g. 2017,2019-2021. Default: every year with all twelve months observed.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" aggregate' -l 'aggregate' -d 'How the year\'s months reduce to its figure: sum or mean.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" targets' -l 'targets' -d 'Backtest each target of this file (CSV or JSON) on its own figure: its aggregate over its period, and P(beating last year\'s figure in its comparator\'s direction). Replaces --aggregate and --indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" horizon' -l 'horizon' -d 'Months of monthly forecasts to score after the cut (their values must exist).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" summary' -l 'summary' -d 'Print only the summary, not one row per indicator and year.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" chart' -l 'chart' -d 'Also write a calibration chart (interval coverage by level, PIT histogram) as SVG to this file.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn backtest" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" targets' -l 'targets' -d 'Targets file (CSV or JSON).' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" as-of' -l 'as-of' -d 'Project as known at the end of this month (YYYY-MM); default: the last month observed for a target\'s indicator.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" sheet' -l 'sheet' -d 'The sheet of an .xlsx observations or targets workbook; default: the first.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" model' -l 'model' -d 'Model: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R\'s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms: level, trend, season, trend+season, trend+fourierK, log(…), joined by \'+\', optionally [N] to fit the last N months.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare"' -l 'intervention' -d 'Add an intervention term to the model: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare"' -l 'regressor' -d 'Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare"' -l 'level' -d 'Prediction interval level in percent. Repeatable.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" intervals' -l 'intervals' -d 'Intervals of projected figures: checked (the model\'s spread, widened when the series\' own history shows it too narrow) model (the model\'s formula alone, e.g. R\'s exact regression result) or calibrated (the model\'s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).' -rfka 'checked model calibrated'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" models' -l 'models' -d 'Candidate models, comma-separated, each a name --model accepts (commas inside parentheses, as in arma(1,0) or ETS(M,Ad,M), stay in the name). Default: auto,ets,theta,damped,trend+season+arma,regression,snaive,runrate.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" years' -l 'years' -d 'Earlier complete years to cut, the latest first; fewer when the history is shorter.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" o output' -l 'output' -s 'o' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn compare" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" indicator' -l 'indicator' -d 'Only this indicator\'s targets.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" format' -l 'format' -d 'Output format: table, json, csv or markdown.' -rfka 'table json csv markdown'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" chart' -l 'chart' -d 'Write an SVG per target into this folder (created if missing) instead of the table.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" lang' -l 'lang' -d 'Language of tables, reports and charts: zh or en (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.' -rfka ''
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" version' -l 'version' -d 'Show the version.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'outturn' -n '__outturn_should_offer_completions_for_flags_or_options "outturn help" version' -l 'version' -d 'Show the version.'
