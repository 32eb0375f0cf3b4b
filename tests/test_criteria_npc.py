"""Criterion-by-criterion tests for NCT06839066 (HLX43, nasopharyngeal carcinoma).

Every expectation below comes from the listing (seeds/NCT06839066.txt) and the
wording of the questions in seeds/questions.yml, not from the rules in
seeds/NCT06839066.yml. Each row gives only the answers that criterion needs;
the other criteria are left pending.

Today is 2026-11-22 (see conftest.py). Washout arithmetic in the comments:
wait_until = today + required days - days ago.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import case_id, plain_rows, status_of

NPC = "NCT06839066"

# The criteria the listing has: inclusion 1-11 and exclusion 1-20.
LISTING_CRITERIA = [f"NPC-I{n:02d}" for n in range(1, 12)] + [f"NPC-E{n:02d}" for n in range(1, 21)]

# Short names for answer fragments used in many rows.
HEALTH_YES = {"npc_health_screen": "yes"}
MEDS_YES = {"npc_recent_medicines": "yes"}
# Nothing counted by the 4-week part of inclusion 7 (chemotherapy, immunotherapy,
# radiotherapy, major surgery) happened in the last 4 weeks.
FOUR_WEEK_GROUP_LONG_AGO = {
    "days_since_chemotherapy": 60,
    "days_since_immunotherapy": 60,
    "days_since_radiotherapy": "never",
    "days_since_major_surgery": "never",
}
# Nothing from the 2-week and 1-week parts of inclusion 7.
SHORT_GROUPS_NEVER = {
    "days_since_hormone_therapy": "never",
    "days_since_targeted_therapy": "never",
    "days_since_chinese_medicine": "never",
    "days_since_minor_surgery": "never",
}
NO_SIDE_EFFECTS = {"side_effects_more_than_mild": "no"}


# The umbrella questions (npc_health_screen, npc_recent_medicines, last_treatment_days) say:
# "If you answer yes or not sure, I will ask about each one on its own." So "not sure" to an
# umbrella clears nothing and the follow-up answers decide: a follow-up that shows the
# excluding condition excludes, one that rules it out clears the criterion, none leaves it
# pending, and "not sure" to the follow-up leaves it unknown. (Earlier seeds left
# "umbrella not sure + follow-up yes" unknown; they now mark these questions `umbrella: true`.)
HEALTH_NOT_SURE = {"npc_health_screen": "not_sure"}
MEDS_NOT_SURE = {"npc_recent_medicines": "not_sure"}


def _(*parts, **answers):
    """Merge answer fragments and keyword answers into one answer dict."""
    merged = {}
    for part in parts:
        merged.update(part)
    merged.update(answers)
    return merged


CASES = [
    # --- Inclusion 1: informed consent: only the study team can check it.
    ("NPC-I01", {}, "study_team"),
    ("NPC-I01", {"npc_recurrent_metastatic": "yes", "age": 60}, "study_team"),
    # --- Inclusion 2: age >= 18, no upper limit.
    ("NPC-I02", {"age": 17}, "not_met"),
    ("NPC-I02", {"age": 18}, "met"),
    ("NPC-I02", {"age": 54}, "met"),
    ("NPC-I02", {"age": 92}, "met"),
    ("NPC-I02", {}, "pending"),
    # --- Inclusion 3: confirmed recurrent/metastatic NPC.
    ("NPC-I03", {"npc_recurrent_metastatic": "yes"}, "met"),
    ("NPC-I03", {"npc_recurrent_metastatic": True}, "met"),
    ("NPC-I03", {"npc_recurrent_metastatic": "no"}, "not_met"),
    ("NPC-I03", {"npc_recurrent_metastatic": False}, "not_met"),
    ("NPC-I03", {"npc_recurrent_metastatic": "not_sure"}, "unknown"),
    ("NPC-I03", {}, "pending"),
    # --- Inclusion 4: >= 2 chemotherapy lines, one platinum-based, and PD-1/PD-L1 therapy.
    ("NPC-I04", {"chemo_lines": 2, "platinum_chemo": "yes", "pd1_therapy": "yes"}, "met"),
    ("NPC-I04", {"chemo_lines": 4, "platinum_chemo": "yes", "pd1_therapy": "yes"}, "met"),
    ("NPC-I04", {"chemo_lines": 1, "platinum_chemo": "yes", "pd1_therapy": "yes"}, "not_met"),
    ("NPC-I04", {"chemo_lines": 1}, "not_met"),
    ("NPC-I04", {"chemo_lines": 0}, "not_met"),
    ("NPC-I04", {"chemo_lines": 3, "platinum_chemo": "no", "pd1_therapy": "yes"}, "not_met"),
    ("NPC-I04", {"chemo_lines": 2, "platinum_chemo": "yes", "pd1_therapy": "no"}, "not_met"),
    ("NPC-I04", {"chemo_lines": 2, "platinum_chemo": "yes", "pd1_therapy": "not_sure"}, "unknown"),
    ("NPC-I04", {"chemo_lines": "not_sure", "platinum_chemo": "yes", "pd1_therapy": "yes"}, "unknown"),
    ("NPC-I04", {"chemo_lines": 2, "platinum_chemo": "yes"}, "pending"),
    # --- Inclusion 5: at least one measurable lesion (RECIST 1.1).
    ("NPC-I05", {"measurable_lesion": "yes"}, "met"),
    ("NPC-I05", {"measurable_lesion": "no"}, "not_met"),
    ("NPC-I05", {"measurable_lesion": "not_sure"}, "unknown"),
    # --- Inclusion 6: willing to give a tumour sample for PD-L1 testing.
    ("NPC-I06", {"tissue_sample": "yes"}, "met"),
    ("NPC-I06", {"tissue_sample": "no"}, "not_met"),
    ("NPC-I06", {"tissue_sample": "not_sure"}, "unknown"),
    # --- Inclusion 7: washouts (4 weeks / 2 weeks / 1 week) and side effects <= grade 1
    #     (grade 2 peripheral neuropathy and alopecia allowed).
    # Last treatment of any kind 4 weeks ago or longer: every waiting time is over.
    ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days=28), "met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days=200), "met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days="2026-10-25"), "met"),  # 28 days ago
    # Chemotherapy at exactly 27 and 28 days (4 weeks).
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_chemotherapy=27), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=28, days_since_chemotherapy=28), "met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_immunotherapy=27), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_radiotherapy=27), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_major_surgery=27), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=2, days_since_chemotherapy=2), "not_met"),
    # Palliative bone radiotherapy 10 days ago is not counted (the radiotherapy question
    # excludes it); nothing else recent: every wait is over.
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=10), "met"),
    # Hormone therapy / small-molecule targeted therapy at 13 and 14 days (2 weeks).
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=13, days_since_hormone_therapy=13), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=14, days_since_hormone_therapy=14), "met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=13, days_since_targeted_therapy=13), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=14, days_since_targeted_therapy=14), "met"),
    # Anti-tumour Chinese medicine / minor surgery at 6 and 7 days (1 week).
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=6, days_since_chinese_medicine=6), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=7, days_since_chinese_medicine=7), "met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=6, days_since_minor_surgery=6), "not_met"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=7, days_since_minor_surgery=7), "met"),
    # Chinese medicine 10 days ago is fine here (1 week), unlike the breast trial (2 weeks).
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=10, days_since_chinese_medicine=10), "met"),
    # Side effects from earlier treatment.
    ("NPC-I07", {"last_treatment_days": 60, "side_effects_more_than_mild": "yes", "side_effects_only_hair_or_nerves": "yes"}, "met"),
    ("NPC-I07", {"last_treatment_days": 60, "side_effects_more_than_mild": "yes", "side_effects_only_hair_or_nerves": "no"}, "not_met"),
    ("NPC-I07", {"last_treatment_days": 60, "side_effects_more_than_mild": "yes"}, "pending"),
    ("NPC-I07", {"last_treatment_days": 60, "side_effects_more_than_mild": "yes", "side_effects_only_hair_or_nerves": "not_sure"}, "unknown"),
    ("NPC-I07", {"last_treatment_days": 60}, "pending"),
    ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days=20), "pending"),  # which treatment was 20 days ago?
    ("NPC-I07", _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=20, days_since_chemotherapy="not_sure"), "unknown"),
    # Not sure when the last treatment was ("not sure" to the umbrella clears no wait): the
    # questions about each treatment decide. Chemotherapy 20 days ago: within 4 weeks.
    ("NPC-I07", _(NO_SIDE_EFFECTS, SHORT_GROUPS_NEVER, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure", days_since_chemotherapy=20), "not_met"),
    # Not sure when the last treatment was, and every specific treatment is long ago: all waits over.
    ("NPC-I07", _(NO_SIDE_EFFECTS, SHORT_GROUPS_NEVER, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure"), "met"),
    # Not sure when the last treatment was, and no specific treatment answered yet.
    ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days="not_sure"), "pending"),
    # Not sure when the last treatment was, nor when the last chemotherapy was.
    ("NPC-I07", _(NO_SIDE_EFFECTS, SHORT_GROUPS_NEVER, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure", days_since_chemotherapy="not_sure"), "unknown"),
    # Not sure when the last treatment was; hormone pills 5 days ago: within the 2-week wait.
    ("NPC-I07", _(NO_SIDE_EFFECTS, SHORT_GROUPS_NEVER, FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure", days_since_hormone_therapy=5), "not_met"),
    # --- Inclusion 8: ECOG 0-1.
    ("NPC-I08", {"daily_activity": "fully_active"}, "met"),  # ECOG 0
    ("NPC-I08", {"daily_activity": "light_work"}, "met"),  # ECOG 1
    ("NPC-I08", {"daily_activity": "self_care_only"}, "not_met"),  # ECOG 2
    ("NPC-I08", {"daily_activity": "mostly_resting"}, "not_met"),  # ECOG 3
    ("NPC-I08", {"daily_activity": "bed_bound"}, "not_met"),  # ECOG 4
    ("NPC-I08", {"daily_activity": "not_sure"}, "unknown"),
    # --- Inclusions 9 and 10: expected survival, organ function: study team.
    ("NPC-I09", {}, "study_team"),
    ("NPC-I09", {"daily_activity": "bed_bound"}, "study_team"),
    ("NPC-I10", {}, "study_team"),
    ("NPC-I10", {"age": 70}, "study_team"),
    # --- Inclusion 11: contraception for fertile participants.
    ("NPC-I11", {"contraception": "yes"}, "met"),
    ("NPC-I11", {"contraception": "not_applicable"}, "met"),
    ("NPC-I11", {"contraception": "no"}, "not_met"),
    ("NPC-I11", {"contraception": "not_sure"}, "unknown"),
    # --- Exclusions 1 and 2: curative local therapy; tumour around big blood vessels: study team.
    ("NPC-E01", {}, "study_team"),
    ("NPC-E01", {"npc_recurrent_metastatic": "yes"}, "study_team"),
    ("NPC-E02", {}, "study_team"),
    ("NPC-E02", {"measurable_lesion": "yes"}, "study_team"),
    # --- Exclusion 3: other cancer within 2 years, unless early-stage and radically treated.
    ("NPC-E03", {"other_cancer": "none"}, "met"),
    ("NPC-E03", {"other_cancer": "over_5_years"}, "met"),
    ("NPC-E03", {"other_cancer": "years_2_to_5"}, "met"),
    ("NPC-E03", {"other_cancer": "within_2_years", "other_cancer_early_treated": "yes"}, "met"),
    ("NPC-E03", {"other_cancer": "within_2_years", "other_cancer_early_treated": "no"}, "not_met"),
    ("NPC-E03", {"other_cancer": "within_2_years", "other_cancer_early_treated": "not_sure"}, "unknown"),
    ("NPC-E03", {"other_cancer": "within_2_years"}, "pending"),
    # --- Exclusion 4: earlier grade >= 3 immune-related side effect (umbrella: npc_health_screen).
    ("NPC-E04", {"npc_health_screen": "no"}, "met"),
    ("NPC-E04", _(HEALTH_YES, immune_side_effect_severe="yes"), "not_met"),
    ("NPC-E04", _(HEALTH_YES, immune_side_effect_severe="no"), "met"),
    ("NPC-E04", _(HEALTH_YES), "pending"),
    ("NPC-E04", _(HEALTH_YES, immune_side_effect_severe="not_sure"), "unknown"),
    ("NPC-E04", _(HEALTH_NOT_SURE, immune_side_effect_severe="yes"), "not_met"),
    ("NPC-E04", _(HEALTH_NOT_SURE, immune_side_effect_severe="no"), "met"),
    ("NPC-E04", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E04", _(HEALTH_NOT_SURE, immune_side_effect_severe="not_sure"), "unknown"),
    # --- Exclusion 5: effusions needing repeated drainage.
    ("NPC-E05", {"npc_health_screen": "no"}, "met"),
    ("NPC-E05", _(HEALTH_YES, effusion_drainage="yes"), "not_met"),
    ("NPC-E05", _(HEALTH_YES, effusion_drainage="no"), "met"),
    ("NPC-E05", _(HEALTH_YES), "pending"),
    ("NPC-E05", _(HEALTH_YES, effusion_drainage="not_sure"), "unknown"),
    ("NPC-E05", _(HEALTH_NOT_SURE, effusion_drainage="yes"), "not_met"),
    ("NPC-E05", _(HEALTH_NOT_SURE, effusion_drainage="no"), "met"),
    ("NPC-E05", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E05", _(HEALTH_NOT_SURE, effusion_drainage="not_sure"), "unknown"),
    # --- Exclusion 6: symptomatic/untreated/progressing CNS or leptomeningeal metastases
    #     (treated, stable spread is allowed, so the question asks about active spread).
    ("NPC-E06", {"npc_health_screen": "no"}, "met"),
    ("NPC-E06", _(HEALTH_YES, active_brain_metastases="yes"), "not_met"),
    ("NPC-E06", _(HEALTH_YES, active_brain_metastases="no"), "met"),
    ("NPC-E06", _(HEALTH_YES), "pending"),
    ("NPC-E06", _(HEALTH_YES, active_brain_metastases="not_sure"), "unknown"),
    ("NPC-E06", _(HEALTH_NOT_SURE, active_brain_metastases="yes"), "not_met"),
    ("NPC-E06", _(HEALTH_NOT_SURE, active_brain_metastases="no"), "met"),
    ("NPC-E06", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E06", _(HEALTH_NOT_SURE, active_brain_metastases="not_sure"), "unknown"),
    # --- Exclusion 7: three parts, any one excludes:
    #     (a) grade >= 3 radiation pneumonitis or steroid-requiring ILD in the past
    #         -> lung_inflammation_steroids ("ever had ... that needed steroid medicine");
    #     (b) current ILD, or ILD that imaging cannot rule out -> current_lung_inflammation
    #         ("now, or has a scan shown possible signs of it");
    #     (c) severe respiratory impairment from lung disease -> severe_lung_disease.
    ("NPC-E07", {"npc_health_screen": "no"}, "met"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="no", severe_lung_disease="no"), "met"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="yes", current_lung_inflammation="no", severe_lung_disease="no"), "not_met"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="yes", severe_lung_disease="no"), "not_met"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="no", severe_lung_disease="yes"), "not_met"),
    # One excluding part is enough; the other questions need no answer.
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="yes"), "not_met"),
    ("NPC-E07", _(HEALTH_YES, current_lung_inflammation="yes"), "not_met"),
    ("NPC-E07", _(HEALTH_YES, severe_lung_disease="yes"), "not_met"),
    # A scan showing possible signs of ILD excludes even without steroids in the past.
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="yes"), "not_met"),
    # Not excluded yet while a part is unanswered.
    ("NPC-E07", _(HEALTH_YES), "pending"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no"), "pending"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="no"), "pending"),
    # "Not sure" to one part, "no" to the others: unknown; "yes" to another part still excludes.
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="not_sure", current_lung_inflammation="no", severe_lung_disease="no"), "unknown"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="not_sure", severe_lung_disease="no"), "unknown"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="no", current_lung_inflammation="no", severe_lung_disease="not_sure"), "unknown"),
    ("NPC-E07", _(HEALTH_YES, lung_inflammation_steroids="not_sure", current_lung_inflammation="yes"), "not_met"),
    ("NPC-E07", _(HEALTH_NOT_SURE, lung_inflammation_steroids="yes", current_lung_inflammation="no", severe_lung_disease="no"), "not_met"),
    ("NPC-E07", _(HEALTH_NOT_SURE, lung_inflammation_steroids="no", current_lung_inflammation="no", severe_lung_disease="yes"), "not_met"),
    ("NPC-E07", _(HEALTH_NOT_SURE, lung_inflammation_steroids="no", current_lung_inflammation="no", severe_lung_disease="no"), "met"),
    ("NPC-E07", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E07", _(HEALTH_NOT_SURE, lung_inflammation_steroids="no", current_lung_inflammation="no"), "pending"),
    ("NPC-E07", _(HEALTH_NOT_SURE, lung_inflammation_steroids="no", current_lung_inflammation="not_sure", severe_lung_disease="no"), "unknown"),
    # --- Exclusion 8: poorly controlled cardiovascular / cerebrovascular conditions.
    ("NPC-E08", {"npc_health_screen": "no"}, "met"),
    ("NPC-E08", _(HEALTH_YES, heart_or_stroke_uncontrolled="yes"), "not_met"),
    ("NPC-E08", _(HEALTH_YES, heart_or_stroke_uncontrolled="no"), "met"),
    ("NPC-E08", _(HEALTH_YES), "pending"),
    ("NPC-E08", _(HEALTH_YES, heart_or_stroke_uncontrolled="not_sure"), "unknown"),
    ("NPC-E08", _(HEALTH_NOT_SURE, heart_or_stroke_uncontrolled="yes"), "not_met"),
    ("NPC-E08", _(HEALTH_NOT_SURE, heart_or_stroke_uncontrolled="no"), "met"),
    ("NPC-E08", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E08", _(HEALTH_NOT_SURE, heart_or_stroke_uncontrolled="not_sure"), "unknown"),
    # --- Exclusion 9: transplant candidates or earlier transplant recipients.
    ("NPC-E09", {"npc_health_screen": "no"}, "met"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="yes", transplant_waiting="no"), "not_met"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="no", transplant_waiting="yes"), "not_met"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="yes"), "not_met"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="no", transplant_waiting="no"), "met"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="no"), "pending"),
    ("NPC-E09", _(HEALTH_YES, organ_transplant="no", transplant_waiting="not_sure"), "unknown"),
    ("NPC-E09", _(HEALTH_NOT_SURE, organ_transplant="yes", transplant_waiting="no"), "not_met"),
    ("NPC-E09", _(HEALTH_NOT_SURE, organ_transplant="no", transplant_waiting="yes"), "not_met"),
    ("NPC-E09", _(HEALTH_NOT_SURE, organ_transplant="no", transplant_waiting="no"), "met"),
    ("NPC-E09", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E09", _(HEALTH_NOT_SURE, organ_transplant="no"), "pending"),
    ("NPC-E09", _(HEALTH_NOT_SURE, organ_transplant="not_sure", transplant_waiting="no"), "unknown"),
    # --- Exclusion 10: IV antibiotics for an infection within 2 weeks (umbrella: npc_recent_medicines).
    ("NPC-E10", {"npc_recent_medicines": "no"}, "met"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=13), "not_met"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=14), "met"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=0), "not_met"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics="never"), "met"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics="2026-11-08"), "met"),  # 14 days ago
    ("NPC-E10", _(MEDS_YES), "pending"),
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics="not_sure"), "unknown"),
    ("NPC-E10", _(MEDS_NOT_SURE, days_since_iv_antibiotics=5), "not_met"),
    ("NPC-E10", _(MEDS_NOT_SURE, days_since_iv_antibiotics="never"), "met"),
    ("NPC-E10", _(MEDS_NOT_SURE, days_since_iv_antibiotics=20), "met"),
    ("NPC-E10", _(MEDS_NOT_SURE), "pending"),
    ("NPC-E10", _(MEDS_NOT_SURE, days_since_iv_antibiotics="not_sure"), "unknown"),
    # --- Exclusion 11: strong CYP2D6/CYP3A inhibitors or inducers: study team.
    ("NPC-E11", {}, "study_team"),
    ("NPC-E11", {"npc_recent_medicines": "no"}, "study_team"),
    # --- Exclusion 12: systemic steroids > 10 mg prednisone/day or immunosuppressants within 2 weeks
    #     (the question tells people not to count low doses, creams, sprays, inhalers, eye drops,
    #     joint shots or a dose before a scan, as the listing's exceptions say).
    ("NPC-E12", {"npc_recent_medicines": "no"}, "met"),
    ("NPC-E12", _(MEDS_YES, days_since_steroids=13), "not_met"),
    ("NPC-E12", _(MEDS_YES, days_since_steroids=14), "met"),
    ("NPC-E12", _(MEDS_YES, days_since_steroids="never"), "met"),
    ("NPC-E12", _(MEDS_YES), "pending"),
    ("NPC-E12", _(MEDS_YES, days_since_steroids="not_sure"), "unknown"),
    ("NPC-E12", _(MEDS_NOT_SURE, days_since_steroids=3), "not_met"),
    ("NPC-E12", _(MEDS_NOT_SURE, days_since_steroids="never"), "met"),
    ("NPC-E12", _(MEDS_NOT_SURE), "pending"),
    ("NPC-E12", _(MEDS_NOT_SURE, days_since_steroids="not_sure"), "unknown"),
    # --- Exclusion 13: autoimmune disease (thyroid replacement, controlled type 1 diabetes allowed).
    ("NPC-E13", {"npc_health_screen": "no"}, "met"),
    ("NPC-E13", _(HEALTH_YES, autoimmune_disease="yes"), "not_met"),
    ("NPC-E13", _(HEALTH_YES, autoimmune_disease="no"), "met"),
    ("NPC-E13", _(HEALTH_YES), "pending"),
    ("NPC-E13", _(HEALTH_YES, autoimmune_disease="not_sure"), "unknown"),
    ("NPC-E13", _(HEALTH_NOT_SURE, autoimmune_disease="yes"), "not_met"),
    ("NPC-E13", _(HEALTH_NOT_SURE, autoimmune_disease="no"), "met"),
    ("NPC-E13", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E13", _(HEALTH_NOT_SURE, autoimmune_disease="not_sure"), "unknown"),
    # --- Exclusion 14: live/attenuated vaccine within 4 weeks.
    ("NPC-E14", {"npc_recent_medicines": "no"}, "met"),
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine=27), "not_met"),
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine=28), "met"),
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine="never"), "met"),
    ("NPC-E14", _(MEDS_YES), "pending"),
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine="not_sure"), "unknown"),
    ("NPC-E14", _(MEDS_NOT_SURE, days_since_live_vaccine=10), "not_met"),
    ("NPC-E14", _(MEDS_NOT_SURE, days_since_live_vaccine="never"), "met"),
    ("NPC-E14", _(MEDS_NOT_SURE), "pending"),
    ("NPC-E14", _(MEDS_NOT_SURE, days_since_live_vaccine="not_sure"), "unknown"),
    # --- Exclusion 15: SEVERE hypersensitivity to biologics / monoclonal antibodies. A mild
    #     reaction does not exclude here (unlike the breast trial, exclusion 20), so the question
    #     asks only about severe reactions.
    ("NPC-E15", {"npc_health_screen": "no"}, "met"),
    ("NPC-E15", _(HEALTH_YES, antibody_allergy_severe="yes"), "not_met"),
    ("NPC-E15", _(HEALTH_YES, antibody_allergy_severe="no"), "met"),
    ("NPC-E15", _(HEALTH_YES), "pending"),
    ("NPC-E15", _(HEALTH_YES, antibody_allergy_severe="not_sure"), "unknown"),
    ("NPC-E15", _(HEALTH_NOT_SURE, antibody_allergy_severe="yes"), "not_met"),
    ("NPC-E15", _(HEALTH_NOT_SURE, antibody_allergy_severe="no"), "met"),
    ("NPC-E15", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E15", _(HEALTH_NOT_SURE, antibody_allergy_severe="not_sure"), "unknown"),
    # --- Exclusion 16: active tuberculosis.
    ("NPC-E16", {"npc_health_screen": "no"}, "met"),
    ("NPC-E16", _(HEALTH_YES, active_tuberculosis="yes"), "not_met"),
    ("NPC-E16", _(HEALTH_YES, active_tuberculosis="no"), "met"),
    ("NPC-E16", _(HEALTH_YES), "pending"),
    ("NPC-E16", _(HEALTH_YES, active_tuberculosis="not_sure"), "unknown"),
    ("NPC-E16", _(HEALTH_NOT_SURE, active_tuberculosis="yes"), "not_met"),
    ("NPC-E16", _(HEALTH_NOT_SURE, active_tuberculosis="no"), "met"),
    ("NPC-E16", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E16", _(HEALTH_NOT_SURE, active_tuberculosis="not_sure"), "unknown"),
    # --- Exclusion 17: immunodeficiency (HIV, congenital or acquired).
    ("NPC-E17", {"npc_health_screen": "no"}, "met"),
    ("NPC-E17", _(HEALTH_YES, immunodeficiency="yes"), "not_met"),
    ("NPC-E17", _(HEALTH_YES, immunodeficiency="no"), "met"),
    ("NPC-E17", _(HEALTH_YES), "pending"),
    ("NPC-E17", _(HEALTH_YES, immunodeficiency="not_sure"), "unknown"),
    ("NPC-E17", _(HEALTH_NOT_SURE, immunodeficiency="yes"), "not_met"),
    ("NPC-E17", _(HEALTH_NOT_SURE, immunodeficiency="no"), "met"),
    ("NPC-E17", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E17", _(HEALTH_NOT_SURE, immunodeficiency="not_sure"), "unknown"),
    # --- Exclusion 18: active HBV/HCV infection.
    ("NPC-E18", {"npc_health_screen": "no"}, "met"),
    ("NPC-E18", _(HEALTH_YES, active_hepatitis_b_or_c="yes"), "not_met"),
    ("NPC-E18", _(HEALTH_YES, active_hepatitis_b_or_c="no"), "met"),
    ("NPC-E18", _(HEALTH_YES), "pending"),
    ("NPC-E18", _(HEALTH_YES, active_hepatitis_b_or_c="not_sure"), "unknown"),
    ("NPC-E18", _(HEALTH_NOT_SURE, active_hepatitis_b_or_c="yes"), "not_met"),
    ("NPC-E18", _(HEALTH_NOT_SURE, active_hepatitis_b_or_c="no"), "met"),
    ("NPC-E18", _(HEALTH_NOT_SURE), "pending"),
    ("NPC-E18", _(HEALTH_NOT_SURE, active_hepatitis_b_or_c="not_sure"), "unknown"),
    # --- Exclusion 19: pregnant or breastfeeding.
    ("NPC-E19", {"pregnant_or_breastfeeding": "no"}, "met"),
    ("NPC-E19", {"pregnant_or_breastfeeding": "yes"}, "not_met"),
    ("NPC-E19", {"pregnant_or_breastfeeding": "not_sure"}, "unknown"),
    ("NPC-E19", {}, "pending"),
    # --- Exclusion 20: investigator's judgement: study team.
    ("NPC-E20", {}, "study_team"),
    ("NPC-E20", {"npc_health_screen": "no", "npc_recent_medicines": "no"}, "study_team"),
]


@pytest.mark.parametrize("criterion_id, answers, expected", CASES, ids=[case_id(case) for case in CASES])
def test_criterion_status(screen_answers, criterion_id, answers, expected):
    result = screen_answers(NPC, answers)
    assert status_of(result, criterion_id) == expected


def test_catalog_has_exactly_the_listing_criteria(catalog):
    assert [c.id for c in catalog.trial(NPC).criteria] == LISTING_CRITERIA


@pytest.mark.parametrize("criterion_id", LISTING_CRITERIA)
def test_every_criterion_has_a_passing_and_a_failing_case(criterion_id):
    """Each criterion has a case that meets it and one that does not (or, where no
    answer can fail it, one that makes it unknown); study-team criteria have a case."""
    statuses = {expected for cid, _answers, expected in plain_rows(CASES) if cid == criterion_id}
    if statuses == {"study_team"}:
        return
    assert "met" in statuses
    assert statuses & {"not_met", "unknown"}


# --- Waiting times: "not yet", with the date the wait ends -------------------------
WASHOUTS = [
    # Chemotherapy 20 days ago, nothing else in the 4-week group: 2026-11-22 + (28 - 20) = 2026-11-30.
    (
        "NPC-I07",
        _(NO_SIDE_EFFECTS, last_treatment_days=20, days_since_chemotherapy=20, days_since_immunotherapy=90,
          days_since_radiotherapy="never", days_since_major_surgery="never"),
        dt.date(2026, 11, 30),
    ),
    # Chemotherapy given on 2026-11-08 (14 days ago): 2026-11-22 + (28 - 14) = 2026-12-06.
    (
        "NPC-I07",
        _(NO_SIDE_EFFECTS, last_treatment_days="2026-11-08", days_since_chemotherapy="2026-11-08",
          days_since_immunotherapy=120, days_since_radiotherapy="never", days_since_major_surgery="never"),
        dt.date(2026, 12, 6),
    ),
    # Targeted pill 3 days ago (chemo, immunotherapy 50 days ago): 2026-11-22 + (14 - 3) = 2026-12-03.
    (
        "NPC-I07",
        _(NO_SIDE_EFFECTS, SHORT_GROUPS_NEVER, last_treatment_days=3, days_since_chemotherapy=50,
          days_since_immunotherapy=50, days_since_radiotherapy="never", days_since_major_surgery="never",
          days_since_targeted_therapy=3),
        dt.date(2026, 12, 3),
    ),
    # Minor surgery 5 days ago: 2026-11-22 + (7 - 5) = 2026-11-24.
    (
        "NPC-I07",
        _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days=5,
          days_since_minor_surgery=5),
        dt.date(2026, 11, 24),
    ),
    # IV antibiotics 10 days ago: 2026-11-22 + (14 - 10) = 2026-11-26.
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=10), dt.date(2026, 11, 26)),
    # IV antibiotics 13 days ago: one more day, 2026-11-23.
    ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=13), dt.date(2026, 11, 23)),
    # Steroid pills until today: 2026-11-22 + 14 = 2026-12-06.
    ("NPC-E12", _(MEDS_YES, days_since_steroids=0), dt.date(2026, 12, 6)),
    # Live vaccine on 2026-11-12 (10 days ago): 2026-11-22 + (28 - 10) = 2026-12-10.
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine="2026-11-12"), dt.date(2026, 12, 10)),
    # Live vaccine 27 days ago: 2026-11-23.
    ("NPC-E14", _(MEDS_YES, days_since_live_vaccine=27), dt.date(2026, 11, 23)),
    # "Not sure" to the medicines list, then steroid pills 3 days ago: 2026-11-22 + (14 - 3) = 2026-12-03.
    ("NPC-E12", _(MEDS_NOT_SURE, days_since_steroids=3), dt.date(2026, 12, 3)),
    # "Not sure" when the last treatment was, then chemotherapy 20 days ago (other 4-week
    # treatments long ago, nothing from the shorter groups): 2026-11-22 + (28 - 20) = 2026-11-30.
    (
        "NPC-I07",
        _(NO_SIDE_EFFECTS, FOUR_WEEK_GROUP_LONG_AGO, SHORT_GROUPS_NEVER, last_treatment_days="not_sure",
          days_since_chemotherapy=20),
        dt.date(2026, 11, 30),
    ),
]


@pytest.mark.parametrize("criterion_id, answers, wait_until", WASHOUTS)
def test_washout_not_yet_with_end_date(screen_answers, criterion_id, answers, wait_until):
    result = screen_answers(NPC, answers)
    [criterion_result] = [c for c in result.criteria if c.criterion.id == criterion_id]
    assert criterion_result.status.value == "not_met"
    assert criterion_result.not_yet is True
    assert criterion_result.wait_until == wait_until


@pytest.mark.parametrize(
    "criterion_id, answers",
    [
        ("NPC-I07", _(NO_SIDE_EFFECTS, last_treatment_days=28)),
        ("NPC-E10", _(MEDS_YES, days_since_iv_antibiotics=14)),
        ("NPC-E12", {"npc_recent_medicines": "no"}),
        ("NPC-E14", _(MEDS_YES, days_since_live_vaccine=28)),
    ],
)
def test_washout_over_is_not_a_wait(screen_answers, criterion_id, answers):
    result = screen_answers(NPC, answers)
    [criterion_result] = [c for c in result.criteria if c.criterion.id == criterion_id]
    assert criterion_result.status.value == "met"
    assert criterion_result.not_yet is False
    assert criterion_result.wait_until is None


def test_side_effects_not_settled_is_not_yet_without_a_date(screen_answers):
    """Side effects that are more than mild: a wait, but no date can be computed from the answers."""
    result = screen_answers(
        NPC, {"last_treatment_days": 60, "side_effects_more_than_mild": "yes", "side_effects_only_hair_or_nerves": "no"}
    )
    [criterion_result] = [c for c in result.criteria if c.criterion.id == "NPC-I07"]
    assert criterion_result.status.value == "not_met"
    assert criterion_result.not_yet is True
    assert criterion_result.wait_until is None


def test_a_plain_exclusion_is_not_a_wait(screen_answers):
    result = screen_answers(NPC, _(HEALTH_YES, active_tuberculosis="yes"))
    [criterion_result] = [c for c in result.criteria if c.criterion.id == "NPC-E16"]
    assert criterion_result.status.value == "not_met"
    assert criterion_result.not_yet is False
    assert criterion_result.wait_until is None


def test_umbrella_no_clears_every_follow_up(screen_answers):
    """One "no" to the health list meets every exclusion it covers, without follow-up questions."""
    result = screen_answers(NPC, {"npc_health_screen": "no"})
    for criterion_id in ("NPC-E04", "NPC-E05", "NPC-E06", "NPC-E07", "NPC-E08", "NPC-E09",
                         "NPC-E13", "NPC-E15", "NPC-E16", "NPC-E17", "NPC-E18"):
        assert status_of(result, criterion_id) == "met", criterion_id
    result = screen_answers(NPC, {"npc_recent_medicines": "no"})
    for criterion_id in ("NPC-E10", "NPC-E12", "NPC-E14"):
        assert status_of(result, criterion_id) == "met", criterion_id


def test_umbrella_not_sure_clears_nothing(screen_answers):
    """"Not sure" to a list: every exclusion it covers waits for its own follow-up question."""
    result = screen_answers(NPC, {"npc_health_screen": "not_sure"})
    for criterion_id in ("NPC-E04", "NPC-E05", "NPC-E06", "NPC-E07", "NPC-E08", "NPC-E09",
                         "NPC-E13", "NPC-E15", "NPC-E16", "NPC-E17", "NPC-E18"):
        assert status_of(result, criterion_id) == "pending", criterion_id
    result = screen_answers(NPC, {"npc_recent_medicines": "not_sure"})
    for criterion_id in ("NPC-E10", "NPC-E12", "NPC-E14"):
        assert status_of(result, criterion_id) == "pending", criterion_id
    result = screen_answers(NPC, {"last_treatment_days": "not_sure", "side_effects_more_than_mild": "no"})
    assert status_of(result, "NPC-I07") == "pending"
