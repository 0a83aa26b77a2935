#!/usr/bin/env Rscript
# Writes the R answers that Outturn's ETS command-line tests compare with
# (Tests/OutturnCLITests/ETSCommandTests.swift): R forecast's ets() fitted with its defaults to
# a whole real series from ../shared/data/series, for a few fixed models, with the estimated
# parameters, log-likelihood, AIC/AICc/BIC, sigma2, and the 12 months' forecast means and
# 80/95% bounds (simulate = FALSE, R's analytic moments).
#
# Usage (from the package root, with ../shared beside it):
#   Rscript scripts/ets-cli-oracle.R
# Needs: apt-get install -y r-cran-forecast r-cran-jsonlite
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

cases <- list(list(id = "air_passengers", models = c("MAM", "AAA", "ANN", "MNN")))
out_dir <- file.path("Tests", "Fixtures", "ets-cli")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

for (case in cases) {
  rows <- read.csv(file.path("..", "shared", "data", "series", paste0(case$id, ".csv")), stringsAsFactors = FALSE)
  start <- as.integer(strsplit(rows$month[1], "-")[[1]])
  y <- ts(rows$value, start = start, frequency = 12)
  fits <- list()
  for (code in case$models) {
    fit <- ets(y, model = code, damped = FALSE)
    fc <- forecast(fit, h = 12, level = c(80, 95), simulate = FALSE)
    fits[[code]] <- list(
      model = fit$method, parameters = as.list(fit$par), sigma2 = fit$sigma2,
      loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
      mean = as.numeric(fc$mean),
      lower_80 = as.numeric(fc$lower[, 1]), upper_80 = as.numeric(fc$upper[, 1]),
      lower_95 = as.numeric(fc$lower[, 2]), upper_95 = as.numeric(fc$upper[, 2]))
  }
  doc <- list(id = case$id, start = rows$month[1], end = rows$month[nrow(rows)], n = nrow(rows), fits = fits,
              software = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))))
  write(toJSON(doc, digits = I(15), auto_unbox = TRUE, pretty = TRUE), file.path(out_dir, paste0(case$id, ".json")))
  cat("wrote", case$id, "\n")
}
