"""Fictional review text for upload tests: three pages in the shape of a real practice review."""

LEAKED_NAME = "Sarah Jenkins"
LEAKED_PHONE = "07700 900123"

REVIEW_PAGES = [
    "Child Safeguarding Practice Review: Child J\n\n"
    "Northshire Safeguarding Children Partnership\n\n"
    "1. Introduction\n\n"
    "1.1 This review considers how agencies worked together to protect Child J, who was 11 months old when he "
    "was taken to hospital with a fractured femur in March 2021. Child J lived with Mother and her partner, "
    "Adult M. The review covers the period from June 2020 to March 2021.\n\n"
    "1.2 The review used a systems approach, with a learning event for practitioners from health visiting, "
    "children's social care, the police and general practice.",
    "2. Findings\n\n"
    "Finding 1: Information about domestic abuse held by the police was not shared with health visiting\n\n"
    "2.1 The police attended three incidents of domestic abuse at the family home between August and "
    "December 2020. Each was assessed as standard risk and no referral reached the health visitor. "
    f"The health visitor, {LEAKED_NAME}, continued to see the family as a universal case. Mother's mobile "
    f"number was {LEAKED_PHONE}. Had the information been shared, the health visitor would have asked about "
    "coercive control and the risks to a baby living with domestic abuse.\n\n"
    "Recommendation 1: The partnership should make sure that domestic abuse notifications about families "
    "with children under two reach the health visiting service within 24 hours.",
    "Finding 2: Bruising on a non-mobile baby was not referred for a child protection medical\n\n"
    "2.2 When Child J was seven months old the GP saw a bruise on his cheek. Mother said that he had rolled "
    "into the cot bars. The explanation was accepted, and the bruise was not referred to children's social "
    "care, contrary to the partnership's bruising protocol for non-mobile babies. A child protection medical "
    "would have looked for other injuries.\n\n"
    "Recommendation 2: General practices should be reminded of the bruising protocol, and audits should check "
    "that any bruise on a baby who is not yet mobile is referred.",
]
