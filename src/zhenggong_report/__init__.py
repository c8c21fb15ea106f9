"""zhenggong-report: Chinese enterprise-newspaper pages in, one linked static report out."""

__version__ = "0.1.0"
