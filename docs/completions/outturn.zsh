#compdef outturn

__outturn_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__outturn_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __outturn_complete "${completions[@]:0:-1}"
    fi
}

__outturn_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_outturn() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'project:Project every target'\''s year-end value, interval and probability of being met.'
            'report:Write a self-contained HTML report (or Markdown, for a .md path) with a chart per indicator.'
            'whatif:Project every target under the baseline and each scenario, side by side.'
            'pace:The monthly pace the remaining months need: to land on each target, and to make it likely.'
            'sweep:P(target met) as the remaining months shift uniformly, e.g. from −30% to +30%.'
            'plot:Write an SVG fan chart for every target into a folder.'
            'forecast:Forecast one indicator month by month with prediction intervals.'
            'fit:Fit a model to one indicator and print its summary (like R'\''s summary(lm)).'
            'backtest:How good would past years'\'' projections have been? Cut each complete year at a month, project, compare.'
            'compare:Why this model: backtest every candidate on each target'\''s own figure, cut at the same month of earlier years.'
            'history:Show how each target'\''s projection, interval and P(met) moved between recorded runs.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        project|report|whatif|pace|sweep|plot|forecast|fit|backtest|compare|history|help)
            "_outturn_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_outturn_project() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--record[Record the run in a projection store (SQLite), for `outturn history`; alone, outturn.sqlite beside the observations.]:store:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_report() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--out[The report file\: .html (self-contained) or .md.]:out:'
        '--title[A report title (default\: "Year-end outlook", or its --lang translation).]:title:'
        '*--scenario[A scenario file (YAML or JSON; see README). Repeatable.]:file:'
        '*--set[Set months to a value\: INDICATOR@FROM\[..TO\]=VALUE, e.g. water@2020-12=700. FROM alone is that one month. The change flags form one scenario and apply in the order typed; two --set of one month are refused.]:change:'
        '*--scale[Scale months by a percentage, sign and % required\: INDICATOR@FROM\[..TO\]=PERCENT%, e.g. pm25@2020-10..2020-12=+10%.]:change:'
        '*--factor[Multiply months by a factor\: INDICATOR@FROM\[..TO\]=FACTOR, e.g. pm25@2020-10..2020-12=1.1.]:change:'
        '*--add[Add an amount to months\: INDICATOR@FROM\[..TO\]=AMOUNT.]:change:'
        '--store[The projection store (from `project --record`) to compare with for '\''since last month'\''; default\: outturn.sqlite beside the observations when it exists. Without a store, last month'\''s projection is recomputed from the same data.]:store:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_whatif() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '*--scenario[A scenario file (YAML or JSON; see README). Repeatable.]:file:'
        '*--set[Set months to a value\: INDICATOR@FROM\[..TO\]=VALUE, e.g. water@2020-12=700. FROM alone is that one month. The change flags form one scenario and apply in the order typed; two --set of one month are refused.]:change:'
        '*--scale[Scale months by a percentage, sign and % required\: INDICATOR@FROM\[..TO\]=PERCENT%, e.g. pm25@2020-10..2020-12=+10%.]:change:'
        '*--factor[Multiply months by a factor\: INDICATOR@FROM\[..TO\]=FACTOR, e.g. pm25@2020-10..2020-12=1.1.]:change:'
        '*--add[Add an amount to months\: INDICATOR@FROM\[..TO\]=AMOUNT.]:change:'
        '--changed-only[In the table, show only the scenarios that change a target, with its baseline (JSON and CSV hold every row).]'
        '--no-changed-only[In the table, show only the scenarios that change a target, with its baseline (JSON and CSV hold every row).]'
        '--all[Show every target under every scenario (the same as --no-changed-only).]'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_pace() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--probability[The chance of meeting the target to aim for, in percent.]:probability:'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_sweep() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--from[Smallest shift in percent (may be negative).]:from:'
        '--to[Largest shift in percent.]:to:'
        '--step[Step in percent.]:step:'
        '--chart[Also write the sweep as an SVG line chart to this file.]:chart:'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_plot() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--out[The folder to write the charts into (created if missing).]:out:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_forecast() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--indicator[The indicator.]:indicator:'
        '--as-of[Fit on data up to this month (YYYY-MM); default\: all data.]:as-of:'
        '--sheet[The sheet of an .xlsx observations workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--horizon[Months to forecast after the last fitted month (1…1200).]:horizon:'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_fit() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--indicator[The indicator.]:indicator:'
        '--as-of[Fit on data up to this month (YYYY-MM); default\: all data.]:as-of:'
        '--sheet[The sheet of an .xlsx observations workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_backtest() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '*--indicator[Backtest only this indicator. Repeatable; default\: every indicator.]:indicator:'
        '--as-of-month[Months of the year known at the cut, 0…11 (0\: projected from the December before). Default\: the month of the latest observation (0 when that is December).]:M:'
        '--years[Years to backtest\: a list or ranges, e.g. 2017,2019-2021. Default\: every year with all twelve months observed.]:years:'
        '--aggregate[How the year'\''s months reduce to its figure\: sum or mean.]:aggregate:'
        '--targets[Backtest each target of this file (CSV or JSON) on its own figure\: its aggregate over its period, and P(beating last year'\''s figure in its comparator'\''s direction). Replaces --aggregate and --indicator.]:targets:'
        '--horizon[Months of monthly forecasts to score after the cut (their values must exist).]:horizon:'
        '--summary[Print only the summary, not one row per indicator and year.]'
        '--chart[Also write a calibration chart (interval coverage by level, PIT histogram) as SVG to this file.]:chart:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_compare() {
    local -i ret=1
    local -ar ___intervals=('checked' 'model' 'calibrated')
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':observations:'
        '--targets[Targets file (CSV or JSON).]:targets:'
        '--as-of[Project as known at the end of this month (YYYY-MM); default\: the last month observed for a target'\''s indicator.]:as-of:'
        '--sheet[The sheet of an .xlsx observations or targets workbook; default\: the first.]:sheet:'
        '--model[Model\: auto (the ensemble, or a regression when terms, gaps or a short history need one), ensemble, theta, damped, ets (the lowest-AICc ETS, as R'\''s ets()), ets(MAdM) or ETS(M,Ad,M) (a given ETS model), snaive, runrate, regression (lowest AICc), or regression terms\: level, trend, season, trend+season, trend+fourierK, log(…), joined by '\''+'\'', optionally \[N\] to fit the last N months.]:model:'
        '*--intervention[Add an intervention term to the model\: step@YYYY-MM, pulse@YYYY-MM or ramp@YYYY-MM. Repeatable.]:term:'
        '*--regressor[Add another indicator of the observations file as a regressor; it needs values for every forecast month too. Repeatable.]:indicator:'
        '*--level[Prediction interval level in percent. Repeatable.]:level:'
        '--intervals[Intervals of projected figures\: checked (the model'\''s spread, widened when the series'\'' own history shows it too narrow) model (the model'\''s formula alone, e.g. R'\''s exact regression result) or calibrated (the model'\''s spread rescaled, wider or narrower, by its errors of the same total from the same month of up to 8 earlier years).]:method:{__outturn_complete "${___intervals[@]}"}'
        '--models[Candidate models, comma-separated, each a name --model accepts (commas inside parentheses, as in arma(1,0) or ETS(M,Ad,M), stay in the name). Default\: auto,ets,theta,damped,trend+season+arma,regression,snaive,runrate.]:models:'
        '--years[Earlier complete years to cut, the latest first; fewer when the history is shorter.]:N:'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[Write to this file (atomically) instead of standard output.]:output:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_history() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':store:'
        '--indicator[Only this indicator'\''s targets.]:indicator:'
        '--format[Output format\: table, json, csv or markdown.]:format:{__outturn_complete "${___format[@]}"}'
        '--chart[Write an SVG per target into this folder (created if missing) instead of the table.]:folder:'
        '--lang[Language of tables, reports and charts\: zh or en (default\: zh when LC_ALL, LC_MESSAGES or LANG starts with zh). JSON and CSV fields stay English; error messages are English.]:language:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_outturn_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _outturn ]]; then
    _outturn "${@}"
else
    compdef _outturn outturn
fi
