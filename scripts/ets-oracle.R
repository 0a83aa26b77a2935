#!/usr/bin/env Rscript
# Writes ETS oracle files for Outturn's tests: every one of the 15 admissible ETS models
# (R's restrict = TRUE set, no multiplicative trend) fitted by R forecast's ets() with its
# defaults on three real series, with fitted values, 12 forecasts, 80/95% bounds
# (simulate = FALSE) and, for the linear class, the variance of the sum of months 9-12 from
# R's own psi-weights (forecast:::class1's cj).
#
# Usage (from the package root, with ../shared beside it):
#   Rscript scripts/ets-oracle.R
# Needs: apt-get install -y r-cran-forecast r-cran-jsonlite
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

series_ids <- c("air_passengers", "temp_nottingham", "uk_driver_deaths")
models <- list()
for (e in c("A", "M")) for (t in c("N", "A", "Ad")) for (s in c("N", "A", "M")) {
  if (e == "A" && s == "M") next
  models[[length(models) + 1]] <- c(e, t, s)
}

out_dir <- file.path("Tests", "Fixtures", "ets")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

for (id in series_ids) {
  oracle <- fromJSON(file.path("..", "shared", "oracle", "series", paste0(id, ".json")))
  start <- as.integer(strsplit(oracle$train$start, "-")[[1]])
  y <- ts(oracle$train$values, start = start, frequency = 12)
  fits <- list()
  for (spec in models) {
    code <- paste0(spec[1], substr(spec[2], 1, 1), spec[3])
    damped <- spec[2] == "Ad"
    fit <- ets(y, model = code, damped = damped)
    fc <- forecast(fit, h = 12, level = c(80, 95), simulate = FALSE)
    n <- length(y)
    entry <- list(
      model = fit$method, spec = paste0(spec, collapse = ""),
      parameters = as.list(fit$par), sigma2 = fit$sigma2, loglik = fit$loglik,
      aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
      fitted = as.numeric(fitted(fit)), residuals = as.numeric(residuals(fit)),
      final_state = as.numeric(fit$states[n + 1, ]),
      mean = as.numeric(fc$mean),
      lower_80 = as.numeric(fc$lower[, 1]), upper_80 = as.numeric(fc$upper[, 1]),
      lower_95 = as.numeric(fc$lower[, 2]), upper_95 = as.numeric(fc$upper[, 2]))
    if (spec[1] == "A") {
      # Variance of y[n+9] + ... + y[n+12] from R's own psi-weights: psi_0 = 1, psi_j = cj[j].
      cls <- forecast:::class1(12, fit$states[n + 1, ], if (spec[2] == "N") "N" else "A", spec[3], damped,
                               12, fit$sigma2, fit$par)
      psi <- c(1, cls$cj)
      months <- 9:12
      v <- 0
      for (t in 1:12) { w <- sum(psi[months[months >= t] - t + 1]); v <- v + w^2 }
      entry$sum_months <- months
      entry$sum_variance <- fit$sigma2 * v
    }
    fits[[entry$spec]] <- entry
  }
  doc <- list(id = id, start = oracle$train$start, values = oracle$train$values, fits = fits,
              software = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))))
  write(toJSON(doc, digits = I(15), auto_unbox = TRUE, pretty = FALSE),
        file.path(out_dir, paste0(id, ".json")))
  cat("wrote", id, "\n")
}
