#!/usr/bin/env Rscript
# R's references for the eight real series of ../shared/data/series (accuracy issue #14):
# every complete year with at least 36 months before it, cut after month k (k = 0: the December
# before), the year's sum, mean and last (December) projected by thetaf, snaive and ets.
# ets intervals and PIT come from simulated paths, as ../shared/oracle/us-employment/README.md
# does (simulate(fit, nsim = 12 - k, future = TRUE, bootstrap = FALSE)), with NPATHS paths
# instead of 1,000 to fit the machine's time; quantiles are type 7 (R's default).
# The history is everything observed up to the cut (no cap: these series are at most 969 months).
#
# Usage: Rscript r-references.R DATA_DIR OUT_CSV [KS (comma list, default 0..11)] [NPATHS (500)] [CORES (2)]
# Seeds: set.seed(series_index * 100000 + (year - 1900) * 100 + k), series_index = 1-based row of
# manifest.csv, so each case is reproducible on its own whatever the core count.
suppressPackageStartupMessages({ library(forecast); library(parallel) })
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out_csv <- args[2]
ks <- if (length(args) >= 3) as.integer(strsplit(args[3], ",")[[1]]) else 0:11
npaths <- if (length(args) >= 4) as.integer(args[4]) else 500L
cores <- if (length(args) >= 5) as.integer(args[5]) else 2L

manifest <- read.csv(file.path(data_dir, "manifest.csv"), stringsAsFactors = FALSE)
cases <- list()
for (i in seq_len(nrow(manifest))) {
  id <- manifest$id[i]
  obs <- read.csv(file.path(data_dir, paste0(id, ".csv")), stringsAsFactors = FALSE)
  obs <- obs[order(obs$month), ]
  years <- as.integer(substr(obs$month, 1, 4)); months <- as.integer(substr(obs$month, 6, 7))
  ordinal <- years * 12 + months - 1
  stopifnot(all(diff(ordinal) == 1))   # no gaps in these series
  first <- ordinal[1]
  for (y in sort(unique(years))) {
    if (sum(years == y) < 12) next                      # incomplete year
    if ((y * 12) - first < 36) next                     # fewer than 36 months before January
    for (k in ks) cases[[length(cases) + 1]] <- list(i = i, id = id, year = y, k = k,
                                                     values = obs$value, ordinal = ordinal)
  }
}

one <- function(cs) {
  cut <- cs$year * 12 + cs$k - 1                      # ordinal of the last known month
  known <- cs$values[cs$ordinal <= cut]
  start_ord <- cs$ordinal[1]
  y <- ts(known, frequency = 12, start = c(start_ord %/% 12, start_ord %% 12 + 1))
  year_vals <- cs$values[cs$ordinal >= cs$year * 12 & cs$ordinal < cs$year * 12 + 12]
  prev_vals <- cs$values[cs$ordinal >= (cs$year - 1) * 12 & cs$ordinal < cs$year * 12]
  h <- 12 - cs$k
  ytd <- if (cs$k > 0) sum(year_vals[1:cs$k]) else 0
  actual <- c(sum = sum(year_vals), mean = mean(year_vals), last = year_vals[12])
  figures <- function(path) c(sum = ytd + sum(path), mean = (ytd + sum(path)) / 12, last = path[h])
  rows <- list()
  add <- function(method, point, sims = NULL) {
    for (agg in c("sum", "mean", "last")) {
      lo80 <- hi80 <- lo95 <- hi95 <- pit <- NA
      if (!is.null(sims)) {
        s <- sims[agg, ]
        q <- quantile(s, c(0.1, 0.9, 0.025, 0.975), type = 7, names = FALSE)
        lo80 <- q[1]; hi80 <- q[2]; lo95 <- q[3]; hi95 <- q[4]
        pit <- mean(s <= actual[[agg]])
      }
      rows[[length(rows) + 1]] <<- data.frame(series = cs$id, year = cs$year, k = cs$k, method = method,
        aggregate = agg, projection = point[[agg]], lower80 = lo80, upper80 = hi80, lower95 = lo95,
        upper95 = hi95, pit = pit, actual = actual[[agg]], stringsAsFactors = FALSE)
    }
  }
  add("thetaf", figures(as.numeric(thetaf(y, h = h)$mean)))
  add("snaive", figures(prev_vals[(cs$k + 1):12]))
  fit <- ets(y)
  set.seed(cs$i * 100000 + (cs$year - 1900) * 100 + cs$k)
  sims <- sapply(seq_len(npaths), function(j) figures(as.numeric(simulate(fit, nsim = h, future = TRUE, bootstrap = FALSE))))
  add("ets", figures(as.numeric(forecast(fit, h = h)$mean)), sims)
  out <- do.call(rbind, rows)
  out$ets_model <- fit$method
  out
}

started <- Sys.time()
results <- mclapply(cases, function(cs) tryCatch(one(cs), error = function(e) {
  message(cs$id, " ", cs$year, " k=", cs$k, ": ", conditionMessage(e)); NULL }), mc.cores = cores)
table <- do.call(rbind, results)
write.csv(table, out_csv, row.names = FALSE)
message(sprintf("%d cases, %d rows, %.0f s (%d paths, %d cores)", length(cases), nrow(table),
                as.numeric(difftime(Sys.time(), started, units = "secs")), npaths, cores))
