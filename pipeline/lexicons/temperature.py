"""What makes a bare "degrees" (or "30C") a temperature, an angle or neither, and a temperature a
difference.

Source: the vocabulary of weather and climate reporting (temperature, heat, frost, forecast,
warming...) and of geometry and navigation (angle, rotate, tilt, latitude). Words are matched
at word starts, with the endings listed ("hot", "hotter", not "hotel" or "photo").

Decision (docs/mentions.md, "Temperatures"): a bare "degrees" or "°" is a temperature only where
its sentence or article talks about temperature; an angle beside an angle word in its sentence
("a 90-degree turn", "rotate 360 degrees"); otherwise "degrees" is a count ("two degrees in
physics") and a bare "°" an angle. A number glued to "C" or "F" ("30C (86F)", the British
press's style) is a temperature only with temperature words in its own sentence: "Section
80C" is a tax rule.
"""

from __future__ import annotations

import re

# Weather and climate words (with their inflections): a temperature context.
TEMPERATURE_CONTEXT = re.compile(
    r"(?<![\w-])(?:temperatures?|weather|heat(?:wave|waves|s|ed|ing)?|hot(?:ter|test)?|cold(?:er|est)?"
    r"|warm(?:er|est|ing|ed|s|th)?|cool(?:er|est|ing|ed|s)?|freez\w*|frost\w*|thaw\w*"
    r"|thermometers?|thermostats?|celsius|fahrenheit|fever\w*|forecast\w*|climate|sweltering|scorching"
    r"|(?:below|above) zero|sub-?zero)(?!\w)"
    r"|[°º][cf]|℃|℉",
    re.IGNORECASE)
# Geometry and navigation words: an angle context (in the value's sentence).
ANGLE_CONTEXT = re.compile(
    r"(?<![\w-])(?:angles?|angled|rotat\w*|turns?|turned|turning|tilt\w*|inclin\w*|latitudes?|longitudes?"
    r"|bearings?|compass\w*|arcs?)(?!\w)",
    re.IGNORECASE)

# Words right before a temperature that make it a difference ("rose 18 degrees", "warmed 1.1
# degrees", "fall by 8 degrees"): pint's delta units, whose kelvin value is no temperature.
# A change verb's hedge naming a threshold ("rose above 40 degrees") keeps it a level.
DIFFERENCE_WORDS_BEFORE = frozenset("""
by rose rise rises rising risen fell fall falls falling fallen climbed climb climbs jumped jump jumps
dropped drop drops dropping plunged plunge plunges soared soar soars surged surge slipped slid dipped dip
warmed warms warming cooled cools cooling increased increase decreased decrease declined decline up down
""".split())  # not "warm", "cool": adjectives too ("a warm 25 degrees" is a level)
# "a rise of 5 degrees", "warming of 1.5 degrees": a change noun + "of".
DIFFERENCE_NOUNS_OF = frozenset("rise increase drop fall decline warming cooling jump dip swing".split())
# Hedges that name a threshold or a level reached, not a size of change ("rose above 40
# degrees", "will rise up to 30 degrees", "climbed close to 40 degrees"), by their last word.
THRESHOLD_HEDGE_WORDS = frozenset("above below over under past beyond to".split())
