#!/usr/bin/env Rscript
# Writes oracle files for Outturn's regression with ARMA errors: R forecast's
# Arima(y, order = c(p, 0, q), xreg = X, include.mean = TRUE) on the training part (all but the
# last 12 months) of each of the eight series in ../shared/data/series, X = trend (t = 1 at the
# first month) and the month dummies season2 ... season12 (January the baseline), i.e. the design
# of Outturn's `trend+season`.
#
# For each order: coefficients and their standard errors, sigma2 (forecast's, ssq / (n - k)),
# the log-likelihood, AIC/AICc/BIC, 12 forecasts with 80/95% bounds (predict.Arima: the ARMA part
# only, no uncertainty of the regression coefficients), each twice:
#   - `default`: R's defaults (CSS-ML, BFGS, reltol 1e-8);
#   - `tight`:   the same but optim.control = list(reltol = 1e-14, maxit = 5000), so that the
#                reported optimum is the optimum to more digits than BFGS's default gives;
# and the log-likelihood at the default fit's own coefficients evaluated afresh with every
# parameter fixed, under both initialisations of the state covariance R offers
# (Gardner1980, the default, and Rossignol2011, exact).
#
# Usage (from the package root, with ../shared beside it):
#   Rscript scripts/arima-oracle.R
# Needs: apt-get install -y r-cran-forecast r-cran-jsonlite
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

series_ids <- c("air_passengers", "au_wine_sales", "co2_maunaloa", "temp_nottingham",
                "uk_driver_deaths", "us_accidental_deaths", "us_electricity_gen", "us_emp_private_nsa")
orders <- list(list(p = 1, q = 0, P = 0), list(p = 0, q = 1, P = 0), list(p = 1, q = 1, P = 0),
               list(p = 2, q = 0, P = 0), list(p = 1, q = 0, P = 1))

out_dir <- file.path("Tests", "Fixtures", "arima")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

fit_entry <- function(fit, X_future) {
  fc <- forecast(fit, xreg = X_future, h = 12, level = c(80, 95))
  # predict.Arima's standard errors: sqrt(sigma2 * Kalman forecast variance), ARMA part only.
  se <- predict(fit, n.ahead = 12, newxreg = X_future)$se
  list(coef = as.list(coef(fit)), se = as.list(sqrt(diag(fit$var.coef))),
       sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
       convergence = fit$code, nobs = fit$nobs,
       mean = as.numeric(fc$mean), se_forecast = as.numeric(se),
       lower_80 = as.numeric(fc$lower[, 1]), upper_80 = as.numeric(fc$upper[, 1]),
       lower_95 = as.numeric(fc$lower[, 2]), upper_95 = as.numeric(fc$upper[, 2]),
       residuals = as.numeric(residuals(fit)))
}

loglik_fixed <- function(y, order, seasonal, X, coefs, ssinit) {
  fixed <- stats::arima(y, order = order, seasonal = seasonal, xreg = X, include.mean = TRUE,
                        fixed = coefs, transform.pars = FALSE, SSinit = ssinit, method = "ML")
  fixed$loglik
}

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
  fits <- list()
  for (o in orders) {
    key <- sprintf("%d,%d,%d", o$p, o$q, o$P)
    order <- c(o$p, 0, o$q)
    seasonal <- list(order = c(o$P, 0, 0), period = 12)
    entry <- list(p = o$p, q = o$q, P = o$P)
    default <- tryCatch(Arima(y, order = order, seasonal = seasonal, xreg = X, include.mean = TRUE),
                        error = function(e) conditionMessage(e))
    if (is.character(default)) { entry$error <- default; fits[[key]] <- entry; next }
    entry$default <- fit_entry(default, X_future)
    tight <- tryCatch(Arima(y, order = order, seasonal = seasonal, xreg = X, include.mean = TRUE,
                            optim.control = list(reltol = 1e-14, maxit = 5000)),
                      error = function(e) NULL)
    if (!is.null(tight)) entry$tight <- fit_entry(tight, X_future)
    coefs <- as.numeric(coef(default))
    entry$loglik_fixed_gardner <- loglik_fixed(y, order, seasonal, X, coefs, "Gardner1980")
    entry$loglik_fixed_rossignol <- loglik_fixed(y, order, seasonal, X, coefs, "Rossignol2011")
    fits[[key]] <- entry
  }
  doc <- list(id = id, start = oracle$train$start, values = oracle$train$values,
              xreg = "trend (t = 1 at start) + season2..season12, include.mean = TRUE",
              fits = fits,
              software = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))))
  write(toJSON(doc, digits = I(17), auto_unbox = TRUE, pretty = FALSE),
        file.path(out_dir, paste0(id, ".json")))
  cat("wrote", id, "\n")
}
