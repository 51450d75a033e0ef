"""uppdrag: uppdragsbeskrivningar för en kommunal samverkans nätverk som validerad data.

The CLI lives in uppdrag.cli; everything else is a library that returns findings as data.
"""

__version__ = "0.1.0"
