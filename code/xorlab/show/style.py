"""The book's figure style: a colour-blind-safe palette (Okabe-Ito), font sizes, and the sizes
(in CSS pixels and inches) the book shows figures at. Importing it sets matplotlib's rcParams
to STYLE."""

import matplotlib as mpl
from matplotlib.colors import LinearSegmentedColormap

PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "grey": "#777777",
}
CLASS_COLOURS = (PALETTE["blue"], PALETTE["vermillion"])
CLASS_MARKERS = ("o", "s")
OUTPUT_CMAP = LinearSegmentedColormap.from_list(
    "xorlab", [PALETTE["blue"], "#f7f7f7", PALETTE["vermillion"]]
)

# Sizes in points. A figure is shown at its own width (figure.dpi CSS pixels per inch, 100) or
# narrower, so 9 pt stays at 9 CSS px or more in figures up to 1.4 times the text column's width.
STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 9.5,
    "figure.titlesize": 11,
    "figure.dpi": 100,
}
# Pixels per CSS pixel in the notebook's PNGs: sharp on high-density (phone, laptop) screens.
DENSITY = 2
# The book's text column at 1280 px is 672 CSS px wide: a wider figure is scaled down to it,
# so its smallest text is raised until it still reads at MIN_TEXT_PX once scaled.
COLUMN_PX = 672
MIN_TEXT_PX = 9.5
# A phone's text column is 358 CSS px wide at 390 px: figures wider than PHONE_WIDTH_IN inches
# (at figure.dpi, no wider than that column) get a variant drawn for it.
PHONE_WIDTH_IN = 3.5
PHONE_COLUMN_PX = 358

mpl.rcParams.update(STYLE)
