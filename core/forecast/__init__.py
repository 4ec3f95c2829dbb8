"""Consumption forecasting from monthly LMIS reports: reader, series, methods, backtest and
prediction."""

from core.forecast.backtest import BacktestResult, MethodScore, backtest
from core.forecast.engine import AutoSettings, SeriesForecaster
from core.forecast.methods import AUTO, METHODS
from core.forecast.predict import ForecastLine, predict, write_forecast_csv
from core.forecast.reader import LmisReportFile, read_lmis_reports
from core.forecast.series import MonthlySeries, build_series

__all__ = [
    "AUTO",
    "METHODS",
    "AutoSettings",
    "BacktestResult",
    "ForecastLine",
    "LmisReportFile",
    "MethodScore",
    "MonthlySeries",
    "SeriesForecaster",
    "backtest",
    "build_series",
    "predict",
    "read_lmis_reports",
    "write_forecast_csv",
]
