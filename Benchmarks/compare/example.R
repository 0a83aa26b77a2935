# The bundled example's job done in R with forecast, as an analyst would script it: for every
# target, the 2020 figure from the observed months and thetaf forecasts of the rest (80/95%
# intervals; P(met) from the normal approximation of the forecast figure, months taken as
# independent), references from the data (base year, moving average, another indicator), and
# milestones by run-rate. Prints one CSV row per target.
#   Rscript Benchmarks/compare/example.R observations.csv targets.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
obs <- read.csv(args[1], comment.char = "#", stringsAsFactors = FALSE)
targets <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = "", colClasses = "character")
as_of <- c(2020, 8)

series <- function(id) {
  d <- obs[obs$indicator == id, ]
  d <- d[order(d$month), ]
  first <- as.integer(strsplit(d$month[1], "-")[[1]])
  index <- function(m) { p <- as.integer(strsplit(m, "-")[[1]]); (p[1] - first[1]) * 12 + p[2] - first[2] + 1 }
  positions <- vapply(d$month, index, 1)
  values <- rep(NA_real_, max(positions))
  values[positions] <- d$value
  ts(values, start = first, frequency = 12)
}

# The figure of `year` over `months` (mean, sum or last) and its standard error: observed months
# as they are, later ones from thetaf.
projected_figure <- function(y, year, months, aggregate) {
  history <- window(y, end = as_of)
  if (anyNA(history)) history <- na.interp(history)
  observed <- window(y, start = c(year, 1), end = c(year, 12), extend = TRUE)
  values <- as.numeric(observed)[months]
  known <- !is.na(values) & (year < as_of[1] | (year == as_of[1] & months <= as_of[2]))
  sds <- rep(0, length(months))
  if (!all(known)) {
    ahead <- (year - as_of[1]) * 12 + max(months) - as_of[2]
    fc <- thetaf(history, h = ahead, level = c(80, 95))
    steps <- (year - as_of[1]) * 12 + months[!known] - as_of[2]
    values[!known] <- fc$mean[steps]
    sds[!known] <- (fc$upper[steps, 1] - fc$mean[steps]) / qnorm(0.9)
  }
  n <- length(months)
  switch(aggregate,
         sum = c(sum(values), sqrt(sum(sds^2))),
         mean = c(mean(values), sqrt(sum(sds^2)) / n),
         last = c(values[n], sds[n]))
}

rows <- list()
for (i in seq_len(nrow(targets))) {
  t <- targets[i, ]
  y <- series(t$indicator)
  if (t$aggregate == "milestone") {
    # Cumulative counts: the latest value so far, extended at the year's pace to December.
    reached <- tail(na.omit(as.numeric(window(y, start = c(2020, 1), end = as_of))), 1)
    projected <- reached / as_of[2] * 12
    rows[[i]] <- data.frame(indicator = t$indicator, value = projected, lower95 = NA, upper95 = NA,
                            probability = as.numeric(projected >= as.numeric(t$threshold)))
    next
  }
  months <- if (is.na(t$months)) 1:12 else { p <- as.integer(strsplit(t$months, "-")[[1]]); p[1]:p[2] }
  year <- as.integer(t$year)
  v <- projected_figure(y, year, months, t$aggregate)
  reference <- if (!is.na(t$threshold)) c(as.numeric(t$threshold), 0)
    else if (!is.na(t$base_year)) projected_figure(y, as.integer(t$base_year), months, t$aggregate) * (1 + as.numeric(t$change_percent) / 100)
    else if (!is.na(t$moving_average)) {
      k <- as.integer(t$moving_average)
      previous <- sapply(1:k, function(j) projected_figure(y, year - j, months, t$aggregate)[1])
      current <- sapply(0:(k - 1), function(j) projected_figure(y, year - j, months, t$aggregate))
      v <- c(mean(current[1, ]), sqrt(sum(current[2, ]^2)) / k)
      c(mean(previous), 0)
    } else projected_figure(series(t$versus), year, months, t$aggregate)
  se <- sqrt(v[2]^2 + reference[2]^2)
  probability <- if (se > 0) {
    below <- pnorm((reference[1] - v[1]) / se)
    if (t$comparator %in% c("<", "<=")) below else 1 - below
  } else as.numeric(switch(t$comparator, "<" = v[1] < reference[1], "<=" = v[1] <= reference[1],
                                        ">" = v[1] > reference[1], ">=" = v[1] >= reference[1]))
  rows[[i]] <- data.frame(indicator = t$indicator, value = v[1], lower95 = v[1] - qnorm(0.975) * v[2],
                          upper95 = v[1] + qnorm(0.975) * v[2], probability = probability)
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)
