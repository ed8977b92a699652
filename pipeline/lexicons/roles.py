"""Words that tell what a claim's subject is to its value: what is measured, or who acts.

Source: news-dev CONVENTIONS 7.6 (what a measure is) and the argument structure of
common English verbs of exchange (VerbNet classes give-13.1, get-13.5.1, send-11.1,
invest/spend in consume-66): the subject of such a verb is an agent moving the amount,
not the attribute the amount measures ("the government moved ₹33,408 crore", "Walgreens
is acquiring Rite Aid for $9.41 billion" have no measure), while the subject of another
verb stating a figure is the attribute itself ("cess yielded ₹10,355 crore", "The
average workweek lengthened to 34.5 hours": measure = the subject).
"""

from __future__ import annotations

# Verbs whose subject moves an amount (an agent) rather than being measured by it (a
# phrasal verb with "_" for its space: matched against the predicate, "set aside").
TRANSFER_VERBS = frozenset(w.replace("_", " ") for w in """
spend invest allocate earmark commit pledge budget devote pour acquire buy purchase pay
move transfer supply provide lend borrow give donate grant award sell offer bid raise
receive get win secure obtain take sign hire employ add create cut shed
set_aside put_aside
""".split())

# Verbs whose money object is an amount moved, not the size of a named attribute: no
# measure (news-dev CONVENTIONS 7.6 names acquire, invest, spend, set aside, move, supply;
# the rest are their near synonyms in the same VerbNet classes).
MONEY_MOVING_VERBS = frozenset(w.replace("_", " ") for w in """
spend invest allocate earmark commit pledge budget devote pour acquire buy purchase pay
move transfer supply provide lend donate grant set_aside put_aside
""".split())

# Plural nouns naming groups of people or organisations: as a subject they act, they are
# not what a figure measures ("Economists surveyed by Marlow Research had looked for 180,000",
# "Shoppers spent $5 billion"). Common news agents.
AGENT_NOUNS = frozenset("""
analyst economist investor consumer shopper employer worker resident voter official expert
trader buyer seller customer user people person household family tourist visitor company
firm business respondent participant member student patient driver owner tenant renter
landlord farmer producer manufacturer retailer bank lender borrower government authority
regulator council city state country nation researcher scientist doctor nurse teacher
""".split())

# Nouns that only frame an amount ("in a range of $1.2 billion to $1.25 billion", "the
# ₹900 crore mark", "an annual rate of 3.1%", "₹4,000 crore of that sum"): the
# amount measures what the clause is about (its subject, else its object), not the frame
# (news-dev CONVENTIONS 7.6). Used only when the frame is the value's own noun phrase, not
# when it is the subject ("the quarterly average ... is ₹2.4 lakh crore").
FRAME_NOUNS = frozenset("""
range mark level average rate total sum figure amount tally pace clip threshold band
""".split())

# Source-subject verbs (news-dev CONVENTIONS 7.3 item 4, 8.8): "X puts the average price at
# 131.9", "a plan caps consumption at 5 billion tons", "analysts peg the deal at $2bn": the
# object put at the value is what is measured, whoever the subject. With "by"/"to" (cut,
# revise, lower, raise) only when the subject is itself a source of figures ("Revisions cut
# the previously reported job gains by 19,000"), not an agent ("The bank cut its rate by").
PUT_AT_VERBS = frozenset("put peg place cap estimate value set fix".split())
REVISING_VERBS = frozenset("cut revise lower raise trim lift reduce".split())
SOURCE_NOUNS = frozenset("""
revision data figure statistic report survey estimate plan study poll analysis model forecast
projection census reading index listing research
""".split())

# Prepositional verbs: a verb and the preposition whose object it takes as one unit of
# meaning ("accounted for 30 percent", "came to $748 million", "had looked for 200,000"),
# so the predicate keeps the preposition (news-dev CONVENTIONS 7.4: `account for`, `come
# to`, `look for`). The category is Quirk et al.'s prepositional verbs (A Comprehensive
# Grammar of the English Language, 1985, §16.5); the list is hand-picked common verbs of
# that kind whose object can be a quantity, not taken from a published list.
# Not verbs of change or level ("rose to 5 percent", "stood at 4 percent", "cut by 3
# percent"): there the preposition marks the figure's role, and the predicate is the verb.
# (Hand-written: no package shipping a prepositional-verb lexicon is installed; WordNet's
# multiword verbs would need its data downloaded at run time.)
PREPOSITIONAL_VERBS = frozenset(tuple(w.split("_")) for w in """
account_for amount_to come_to run_to look_for call_for ask_for aim_for hope_for
settle_for opt_for budget_for allow_for go_past go_beyond
""".split())
