#!/usr/bin/env Rscript
# Writes the oracle for Outturn's `combo` model: R forecast's own versions of its three members on
# the training part (all but the last 12 months) of a few of the eight series in
# ../shared/data/series, and their equal-weight mean, month by month:
#   - ETS: ets(y) with all defaults (automatic, AICc), and ets(y, model = "ANA") for reference;
#   - Theta: thetaf(y, h = 12);
#   - regression with ARMA errors: Arima(y, order = c(p, 0, q), seasonal = c(P, 0, 0),
#     xreg = trend + season2..12, include.mean = TRUE) for p, q in 0..2 and P in 0..1 (the 18
#     orders Outturn's `trend+season+arma` compares), optim reltol 1e-14, the lowest AICc kept.
#   - combo = (ets + thetaf + arima) / 3.
#
# Usage (from the package root, with ../shared beside it):
#   Rscript scripts/combination-oracle.R
# Needs: apt-get install -y r-cran-forecast r-cran-jsonlite
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

series_ids <- c("temp_nottingham", "us_accidental_deaths")
out_dir <- file.path("Tests", "Fixtures", "combination")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

for (id in series_ids) {
  oracle <- fromJSON(file.path("..", "shared", "oracle", "series", paste0(id, ".json")))
  start <- as.integer(strsplit(oracle$train$start, "-")[[1]])
  y <- ts(oracle$train$values, start = start, frequency = 12)
  n <- length(y)
  month_of <- ((start[2] - 1 + 0:(n + 11)) %% 12) + 1
  design <- cbind(trend = 1:(n + 12), sapply(2:12, function(m) as.numeric(month_of == m)))
  colnames(design) <- c("trend", paste0("season", 2:12))
  X <- design[1:n, , drop = FALSE]
  X_future <- design[n + 1:12, , drop = FALSE]

  ets_fit <- ets(y)
  ets_mean <- as.numeric(forecast(ets_fit, h = 12)$mean)
  ana_mean <- as.numeric(forecast(ets(y, model = "ANA"), h = 12)$mean)
  theta_mean <- as.numeric(thetaf(y, h = 12)$mean)

  arimas <- list()
  best <- NULL
  for (P in 0:1) for (p in 0:2) for (q in 0:2) {
    fit <- tryCatch(Arima(y, order = c(p, 0, q), seasonal = list(order = c(P, 0, 0), period = 12),
                          xreg = X, include.mean = TRUE, optim.control = list(reltol = 1e-14, maxit = 5000)),
                    error = function(e) NULL)
    if (is.null(fit)) next
    key <- sprintf("%d,%d,%d", p, q, P)
    arimas[[key]] <- list(aicc = fit$aicc, loglik = fit$loglik,
                          mean = as.numeric(forecast(fit, xreg = X_future, h = 12)$mean))
    if (is.null(best) || fit$aicc < arimas[[best]]$aicc) best <- key
  }
  arima_mean <- arimas[[best]]$mean
  doc <- list(id = id, start = oracle$train$start, values = oracle$train$values,
              ets = list(model = ets_fit$method, aicc = ets_fit$aicc, mean = ets_mean),
              ets_ana = list(mean = ana_mean),
              thetaf = list(mean = theta_mean),
              arima = list(best = best, fits = arimas),
              combo = list(mean = (ets_mean + theta_mean + arima_mean) / 3),
              software = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))))
  write(toJSON(doc, digits = I(17), auto_unbox = TRUE, pretty = FALSE),
        file.path(out_dir, paste0(id, ".json")))
  cat("wrote", id, ets_fit$method, "arima", best, "\n")
}
