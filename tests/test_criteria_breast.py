"""Criterion-by-criterion tests for NCT06561607 (TQB2102, HER2-low HR+ breast cancer).

Every expectation below comes from the listing (seeds/NCT06561607.txt), its
summary included, and the wording of the questions in seeds/questions.yml, not
from the rules in seeds/NCT06561607.yml. Each row gives only the answers that
criterion needs; the other criteria are left pending.

Today is 2026-11-22 (see conftest.py). Washout arithmetic in the comments:
wait_until = today + required days - days ago.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import case_id, plain_rows, status_of

BC = "NCT06561607"

# The listing's criteria: 7 inclusion bullets, 2 criteria from the summary (HR+, no
# chemotherapy in the recurrent/metastatic stage), 23 exclusion bullets, the 17th of
# which holds five numbered items.
LISTING_CRITERIA = (
    [f"BC-I{n:02d}" for n in range(1, 8)]
    + ["BC-S01", "BC-S02"]
    + [f"BC-E{n:02d}" for n in range(1, 17)]
    + [f"BC-E17-{n}" for n in range(1, 6)]
    + [f"BC-E{n:02d}" for n in range(18, 24)]
)

HEALTH_YES = {"breast_health_screen": "yes"}
RECENT_YES = {"breast_recent_screen": "yes"}
# Nothing from the 4-week group of exclusion 17.1 in the last 4 weeks.
FOUR_WEEK_GROUP_LONG_AGO = {
    "days_since_chemotherapy": 400,
    "days_since_radiotherapy": 380,
    "days_since_immunotherapy": "never",
}
# Nothing from the 2-week group of exclusion 17.2.
TWO_WEEK_GROUP_NEVER = {
    "days_since_hormone_therapy": "never",
    "days_since_targeted_therapy": "never",
    "days_since_chinese_medicine": "never",
}

# The umbrella questions (breast_health_screen, breast_recent_screen, last_treatment_days)
# promise that after "not sure" each item is asked on its own. So "not sure" clears nothing
# and the follow-up answers decide, as in test_criteria_npc.py. (Earlier seeds left
# "umbrella not sure + follow-up yes" unknown; they now mark these questions `umbrella: true`.)
HEALTH_NOT_SURE = {"breast_health_screen": "not_sure"}
RECENT_NOT_SURE = {"breast_recent_screen": "not_sure"}


def _(*parts, **answers):
    """Merge answer fragments and keyword answers into one answer dict."""
    merged = {}
    for part in parts:
        merged.update(part)
    merged.update(answers)
    return merged


CASES = [
    # --- Inclusion 1: voluntary, good compliance: study team.
    ("BC-I01", {}, "study_team"),
    ("BC-I01", {"age": 50, "daily_activity": "fully_active"}, "study_team"),
    # --- Inclusion 2: age 18-75 and ECOG 0-1.
    ("BC-I02", {"age": 17, "daily_activity": "fully_active"}, "not_met"),
    ("BC-I02", {"age": 18, "daily_activity": "fully_active"}, "met"),
    ("BC-I02", {"age": 75, "daily_activity": "light_work"}, "met"),
    ("BC-I02", {"age": 76, "daily_activity": "fully_active"}, "not_met"),
    ("BC-I02", {"age": 76}, "not_met"),
    ("BC-I02", {"age": 17}, "not_met"),
    ("BC-I02", {"age": 55, "daily_activity": "light_work"}, "met"),
    ("BC-I02", {"age": 55, "daily_activity": "self_care_only"}, "not_met"),
    ("BC-I02", {"age": 55, "daily_activity": "mostly_resting"}, "not_met"),
    ("BC-I02", {"age": 55, "daily_activity": "bed_bound"}, "not_met"),
    ("BC-I02", {"age": 55, "daily_activity": "not_sure"}, "unknown"),
    ("BC-I02", {"age": 55}, "pending"),
    # --- Inclusion 3: confirmed advanced/metastatic, unresectable, HER2-low (IHC 1+, or 2+ with ISH-).
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "ihc_1"}, "met"),
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "ihc_2_ish_negative"}, "met"),
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "ihc_0"}, "not_met"),
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "ihc_2_ish_positive"}, "not_met"),
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "ihc_3"}, "not_met"),
    ("BC-I03", {"breast_advanced_unresectable": "no", "her2_result": "ihc_1"}, "not_met"),
    ("BC-I03", {"breast_advanced_unresectable": "no"}, "not_met"),
    ("BC-I03", {"breast_advanced_unresectable": "yes", "her2_result": "not_sure"}, "unknown"),
    ("BC-I03", {"breast_advanced_unresectable": "not_sure", "her2_result": "ihc_1"}, "unknown"),
    ("BC-I03", {"breast_advanced_unresectable": "yes"}, "pending"),
    # --- Inclusion 4: a defined HR status. Any known result meets it; no answer can fail it.
    ("BC-I04", {"hr_status": "positive"}, "met"),
    ("BC-I04", {"hr_status": "negative"}, "met"),
    ("BC-I04", {"hr_status": "not_sure"}, "unknown"),
    ("BC-I04", {}, "pending"),
    # --- Inclusion 5: progression on imaging during or after the most recent treatment.
    ("BC-I05", {"progression_on_scan": "yes"}, "met"),
    ("BC-I05", {"progression_on_scan": "no"}, "not_met"),
    ("BC-I05", {"progression_on_scan": "not_sure"}, "unknown"),
    # --- Inclusion 6: at least one measurable lesion (RECIST 1.1).
    ("BC-I06", {"measurable_lesion": "yes"}, "met"),
    ("BC-I06", {"measurable_lesion": "no"}, "not_met"),
    ("BC-I06", {"measurable_lesion": "not_sure"}, "unknown"),
    # --- Inclusion 7: good major organ function: study team.
    ("BC-I07", {}, "study_team"),
    ("BC-I07", {"dialysis": "yes", "breast_health_screen": "yes"}, "study_team"),
    # --- Summary: HR+ disease.
    ("BC-S01", {"hr_status": "positive"}, "met"),
    ("BC-S01", {"hr_status": "negative"}, "not_met"),
    ("BC-S01", {"hr_status": "not_sure"}, "unknown"),
    # --- Summary: no chemotherapy in the recurrent/metastatic stage.
    ("BC-S02", {"metastatic_chemo": "no"}, "met"),
    ("BC-S02", {"metastatic_chemo": "yes"}, "not_met"),
    ("BC-S02", {"metastatic_chemo": "not_sure"}, "unknown"),
    # --- Exclusion 1: another cancer within 5 years (the listing makes no exception).
    ("BC-E01", {"other_cancer": "none"}, "met"),
    ("BC-E01", {"other_cancer": "over_5_years"}, "met"),
    ("BC-E01", {"other_cancer": "years_2_to_5"}, "not_met"),
    ("BC-E01", {"other_cancer": "within_2_years"}, "not_met"),
    ("BC-E01", {"other_cancer": "within_2_years", "other_cancer_early_treated": "yes"}, "not_met"),
    ("BC-E01", {"other_cancer": "not_sure"}, "unknown"),
    # --- Exclusion 2: toxic reactions above grade 1 not resolved (no exception for hair or nerves).
    ("BC-E02", {"side_effects_more_than_mild": "no"}, "met"),
    ("BC-E02", {"side_effects_more_than_mild": "yes"}, "not_met"),
    ("BC-E02", {"side_effects_more_than_mild": "yes", "side_effects_only_hair_or_nerves": "yes"}, "not_met"),
    ("BC-E02", {"side_effects_more_than_mild": "not_sure"}, "unknown"),
    # --- Exclusion 3: major surgery, incisional biopsy or serious injury within 28 days.
    ("BC-E03", {"breast_recent_screen": "no"}, "met"),
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury=27), "not_met"),
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury=28), "met"),
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury="never"), "met"),
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury="2026-11-15"), "not_met"),  # 7 days ago
    ("BC-E03", _(RECENT_YES), "pending"),
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury="not_sure"), "unknown"),
    ("BC-E03", _(RECENT_NOT_SURE, days_since_surgery_biopsy_injury=10), "not_met"),
    ("BC-E03", _(RECENT_NOT_SURE, days_since_surgery_biopsy_injury="never"), "met"),
    ("BC-E03", _(RECENT_NOT_SURE, days_since_surgery_biopsy_injury=40), "met"),
    ("BC-E03", _(RECENT_NOT_SURE), "pending"),
    ("BC-E03", _(RECENT_NOT_SURE, days_since_surgery_biopsy_injury="not_sure"), "unknown"),
    # --- Exclusion 4: long-unhealed wounds or fractures (umbrella: breast_health_screen).
    ("BC-E04", {"breast_health_screen": "no"}, "met"),
    ("BC-E04", _(HEALTH_YES, unhealed_wound_or_fracture="yes"), "not_met"),
    ("BC-E04", _(HEALTH_YES, unhealed_wound_or_fracture="no"), "met"),
    ("BC-E04", _(HEALTH_YES), "pending"),
    ("BC-E04", _(HEALTH_YES, unhealed_wound_or_fracture="not_sure"), "unknown"),
    ("BC-E04", _(HEALTH_NOT_SURE, unhealed_wound_or_fracture="yes"), "not_met"),
    ("BC-E04", _(HEALTH_NOT_SURE, unhealed_wound_or_fracture="no"), "met"),
    ("BC-E04", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E04", _(HEALTH_NOT_SURE, unhealed_wound_or_fracture="not_sure"), "unknown"),
    # --- Exclusion 5: a past ILD / pneumonia that needed steroids ("ever had ... that needed
    #     steroid medicine").
    ("BC-E05", {"breast_health_screen": "no"}, "met"),
    ("BC-E05", _(HEALTH_YES, lung_inflammation_steroids="yes"), "not_met"),
    ("BC-E05", _(HEALTH_YES, lung_inflammation_steroids="no"), "met"),
    ("BC-E05", _(HEALTH_YES), "pending"),
    ("BC-E05", _(HEALTH_YES, lung_inflammation_steroids="not_sure"), "unknown"),
    # Lung disease that makes breathing hard is exclusion 6, not this one.
    ("BC-E05", _(HEALTH_YES, lung_inflammation_steroids="no", lung_disease_3_months="yes"), "met"),
    ("BC-E05", _(HEALTH_NOT_SURE, lung_inflammation_steroids="yes"), "not_met"),
    ("BC-E05", _(HEALTH_NOT_SURE, lung_inflammation_steroids="no"), "met"),
    ("BC-E05", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E05", _(HEALTH_NOT_SURE, lung_inflammation_steroids="not_sure"), "unknown"),
    # --- Exclusion 6: moderate to severe lung disease within 3 months ("In the last 3 months,
    #     has a lung disease made it hard for you to breathe, more than a little?").
    ("BC-E06", {"breast_health_screen": "no"}, "met"),
    ("BC-E06", _(HEALTH_YES, lung_disease_3_months="yes"), "not_met"),
    ("BC-E06", _(HEALTH_YES, lung_disease_3_months="no"), "met"),
    ("BC-E06", _(HEALTH_YES), "pending"),
    ("BC-E06", _(HEALTH_YES, lung_disease_3_months="not_sure"), "unknown"),
    # Pneumonitis treated with steroids in the past is exclusion 5, not this one.
    ("BC-E06", _(HEALTH_YES, lung_inflammation_steroids="yes", lung_disease_3_months="no"), "met"),
    ("BC-E06", _(HEALTH_NOT_SURE, lung_disease_3_months="yes"), "not_met"),
    ("BC-E06", _(HEALTH_NOT_SURE, lung_disease_3_months="no"), "met"),
    ("BC-E06", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E06", _(HEALTH_NOT_SURE, lung_disease_3_months="not_sure"), "unknown"),
    # --- Exclusion 7: arterial / deep vein thrombosis within 6 months.
    ("BC-E07", {"breast_health_screen": "no"}, "met"),
    ("BC-E07", _(HEALTH_YES, blood_clot_6_months="yes"), "not_met"),
    ("BC-E07", _(HEALTH_YES, blood_clot_6_months="no"), "met"),
    ("BC-E07", _(HEALTH_YES), "pending"),
    ("BC-E07", _(HEALTH_YES, blood_clot_6_months="not_sure"), "unknown"),
    ("BC-E07", _(HEALTH_NOT_SURE, blood_clot_6_months="yes"), "not_met"),
    ("BC-E07", _(HEALTH_NOT_SURE, blood_clot_6_months="no"), "met"),
    ("BC-E07", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E07", _(HEALTH_NOT_SURE, blood_clot_6_months="not_sure"), "unknown"),
    # --- Exclusion 8: problems with IV access, swallowing, chronic diarrhoea, bowel obstruction.
    ("BC-E08", {"breast_health_screen": "no"}, "met"),
    ("BC-E08", _(HEALTH_YES, iv_or_swallowing_problem="yes"), "not_met"),
    ("BC-E08", _(HEALTH_YES, iv_or_swallowing_problem="no"), "met"),
    ("BC-E08", _(HEALTH_YES), "pending"),
    ("BC-E08", _(HEALTH_YES, iv_or_swallowing_problem="not_sure"), "unknown"),
    ("BC-E08", _(HEALTH_NOT_SURE, iv_or_swallowing_problem="yes"), "not_met"),
    ("BC-E08", _(HEALTH_NOT_SURE, iv_or_swallowing_problem="no"), "met"),
    ("BC-E08", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E08", _(HEALTH_NOT_SURE, iv_or_swallowing_problem="not_sure"), "unknown"),
    # --- Exclusion 9: heart disease (ischaemia/infarction, arrhythmia, heart failure, angina, valves).
    ("BC-E09", {"breast_health_screen": "no"}, "met"),
    ("BC-E09", _(HEALTH_YES, heart_disease="yes"), "not_met"),
    ("BC-E09", _(HEALTH_YES, heart_disease="no"), "met"),
    ("BC-E09", _(HEALTH_YES), "pending"),
    ("BC-E09", _(HEALTH_YES, heart_disease="not_sure"), "unknown"),
    ("BC-E09", _(HEALTH_NOT_SURE, heart_disease="yes"), "not_met"),
    ("BC-E09", _(HEALTH_NOT_SURE, heart_disease="no"), "met"),
    ("BC-E09", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E09", _(HEALTH_NOT_SURE, heart_disease="not_sure"), "unknown"),
    # --- Exclusion 10: active or uncontrolled infection within 14 days (umbrella: breast_recent_screen).
    ("BC-E10", {"breast_recent_screen": "no"}, "met"),
    ("BC-E10", _(RECENT_YES, infection_last_2_weeks="yes"), "not_met"),
    ("BC-E10", _(RECENT_YES, infection_last_2_weeks="no"), "met"),
    ("BC-E10", _(RECENT_YES), "pending"),
    ("BC-E10", _(RECENT_YES, infection_last_2_weeks="not_sure"), "unknown"),
    ("BC-E10", _(RECENT_NOT_SURE, infection_last_2_weeks="yes"), "not_met"),
    ("BC-E10", _(RECENT_NOT_SURE, infection_last_2_weeks="no"), "met"),
    ("BC-E10", _(RECENT_NOT_SURE), "pending"),
    ("BC-E10", _(RECENT_NOT_SURE, infection_last_2_weeks="not_sure"), "unknown"),
    # --- Exclusion 11: liver cirrhosis, or active hepatitis not well controlled.
    ("BC-E11", {"breast_health_screen": "no"}, "met"),
    ("BC-E11", _(HEALTH_YES, liver_disease="yes"), "not_met"),
    ("BC-E11", _(HEALTH_YES, liver_disease="no"), "met"),
    ("BC-E11", _(HEALTH_YES), "pending"),
    ("BC-E11", _(HEALTH_YES, liver_disease="not_sure"), "unknown"),
    ("BC-E11", _(HEALTH_NOT_SURE, liver_disease="yes"), "not_met"),
    ("BC-E11", _(HEALTH_NOT_SURE, liver_disease="no"), "met"),
    ("BC-E11", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E11", _(HEALTH_NOT_SURE, liver_disease="not_sure"), "unknown"),
    # --- Exclusion 12: kidney failure needing dialysis.
    ("BC-E12", {"breast_health_screen": "no"}, "met"),
    ("BC-E12", _(HEALTH_YES, dialysis="yes"), "not_met"),
    ("BC-E12", _(HEALTH_YES, dialysis="no"), "met"),
    ("BC-E12", _(HEALTH_YES), "pending"),
    ("BC-E12", _(HEALTH_YES, dialysis="not_sure"), "unknown"),
    ("BC-E12", _(HEALTH_NOT_SURE, dialysis="yes"), "not_met"),
    ("BC-E12", _(HEALTH_NOT_SURE, dialysis="no"), "met"),
    ("BC-E12", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E12", _(HEALTH_NOT_SURE, dialysis="not_sure"), "unknown"),
    # --- Exclusion 13: immunodeficiency (HIV, acquired or congenital) or an organ transplant.
    ("BC-E13", {"breast_health_screen": "no"}, "met"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="yes", organ_transplant="no"), "not_met"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="no", organ_transplant="yes"), "not_met"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="yes"), "not_met"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="no", organ_transplant="no"), "met"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="no"), "pending"),
    ("BC-E13", _(HEALTH_YES, immunodeficiency="no", organ_transplant="not_sure"), "unknown"),
    ("BC-E13", _(HEALTH_NOT_SURE, immunodeficiency="yes", organ_transplant="no"), "not_met"),
    ("BC-E13", _(HEALTH_NOT_SURE, immunodeficiency="no", organ_transplant="yes"), "not_met"),
    ("BC-E13", _(HEALTH_NOT_SURE, immunodeficiency="no", organ_transplant="no"), "met"),
    ("BC-E13", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E13", _(HEALTH_NOT_SURE, immunodeficiency="no"), "pending"),
    ("BC-E13", _(HEALTH_NOT_SURE, immunodeficiency="not_sure", organ_transplant="no"), "unknown"),
    # --- Exclusion 14: urine protein: study team.
    ("BC-E14", {}, "study_team"),
    ("BC-E14", {"breast_health_screen": "no"}, "study_team"),
    # --- Exclusion 15: immunosuppressive or systemic hormone (steroid) therapy for immunosuppression
    #     within 2 weeks. Unlike the NPC trial (exclusion 12), the listing makes no exception for a
    #     low dose, so the question asks about any such medicine (creams, sprays, inhalers and eye
    #     drops are not systemic).
    ("BC-E15", {"breast_recent_screen": "no"}, "met"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants=13), "not_met"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants=14), "met"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants=0), "not_met"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants="never"), "met"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants="2026-11-16"), "not_met"),  # 6 days ago
    ("BC-E15", _(RECENT_YES), "pending"),
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants="not_sure"), "unknown"),
    ("BC-E15", _(RECENT_NOT_SURE, days_since_immunosuppressants=3), "not_met"),
    ("BC-E15", _(RECENT_NOT_SURE, days_since_immunosuppressants="never"), "met"),
    ("BC-E15", _(RECENT_NOT_SURE), "pending"),
    ("BC-E15", _(RECENT_NOT_SURE, days_since_immunosuppressants="not_sure"), "unknown"),
    # --- Exclusion 16: substance abuse that cannot be stopped, or psychiatric disorders.
    ("BC-E16", {"breast_health_screen": "no"}, "met"),
    ("BC-E16", _(HEALTH_YES, substance_or_psychiatric="yes"), "not_met"),
    ("BC-E16", _(HEALTH_YES, substance_or_psychiatric="no"), "met"),
    ("BC-E16", _(HEALTH_YES), "pending"),
    ("BC-E16", _(HEALTH_YES, substance_or_psychiatric="not_sure"), "unknown"),
    ("BC-E16", _(HEALTH_NOT_SURE, substance_or_psychiatric="yes"), "not_met"),
    ("BC-E16", _(HEALTH_NOT_SURE, substance_or_psychiatric="no"), "met"),
    ("BC-E16", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E16", _(HEALTH_NOT_SURE, substance_or_psychiatric="not_sure"), "unknown"),
    # --- Exclusion 17.1: chemotherapy, radical radiotherapy or immunotherapy within 4 weeks.
    ("BC-E17-1", {"last_treatment_days": 28}, "met"),
    ("BC-E17-1", {"last_treatment_days": 365}, "met"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_chemotherapy=27), "not_met"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=28, days_since_chemotherapy=28), "met"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_radiotherapy=27), "not_met"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=27, days_since_immunotherapy=27), "not_met"),
    # Endocrine therapy 5 days ago does not count here (it has its own 2-week wait, 17.2).
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=5), "met"),
    ("BC-E17-1", {"last_treatment_days": 5}, "pending"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=5, days_since_immunotherapy="not_sure"), "unknown"),
    # Not sure when the last treatment was ("not sure" clears no wait): the questions about
    # each treatment decide.
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure", days_since_chemotherapy=10), "not_met"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure"), "met"),
    ("BC-E17-1", {"last_treatment_days": "not_sure"}, "pending"),
    ("BC-E17-1", _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days="not_sure", days_since_chemotherapy="not_sure"), "unknown"),
    # --- Exclusion 17.2: endocrine, molecularly targeted or anti-tumour Chinese medicine within 2 weeks.
    ("BC-E17-2", {"last_treatment_days": 14}, "met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=13, days_since_hormone_therapy=13), "not_met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=14, days_since_hormone_therapy=14), "met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=13, days_since_targeted_therapy=13), "not_met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=14, days_since_targeted_therapy=14), "met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=13, days_since_chinese_medicine=13), "not_met"),
    # Chinese medicine 10 days ago: the NPC trial waits 1 week, this one 2 weeks.
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=10, days_since_chinese_medicine=10), "not_met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=14, days_since_chinese_medicine=14), "met"),
    # Letrozole until 2026-11-17 (5 days ago).
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days="2026-11-17", days_since_hormone_therapy="2026-11-17"), "not_met"),
    ("BC-E17-2", {"last_treatment_days": 5}, "pending"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days=5, days_since_targeted_therapy="not_sure"), "unknown"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days="not_sure", days_since_hormone_therapy=5), "not_met"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days="not_sure"), "met"),
    ("BC-E17-2", {"last_treatment_days": "not_sure"}, "pending"),
    ("BC-E17-2", _(TWO_WEEK_GROUP_NEVER, last_treatment_days="not_sure", days_since_targeted_therapy="not_sure"), "unknown"),
    # --- Exclusion 17.3: effusions needing repeated drainage.
    ("BC-E17-3", {"breast_health_screen": "no"}, "met"),
    ("BC-E17-3", _(HEALTH_YES, effusion_drainage="yes"), "not_met"),
    ("BC-E17-3", _(HEALTH_YES, effusion_drainage="no"), "met"),
    ("BC-E17-3", _(HEALTH_YES), "pending"),
    ("BC-E17-3", _(HEALTH_YES, effusion_drainage="not_sure"), "unknown"),
    ("BC-E17-3", _(HEALTH_NOT_SURE, effusion_drainage="yes"), "not_met"),
    ("BC-E17-3", _(HEALTH_NOT_SURE, effusion_drainage="no"), "met"),
    ("BC-E17-3", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E17-3", _(HEALTH_NOT_SURE, effusion_drainage="not_sure"), "unknown"),
    # --- Exclusion 17.4: KNOWN carcinomatous meningitis (any, treated or not), or clinically
    #     active CNS metastases (treated, stable brain spread is allowed). The NPC trial's
    #     exclusion 6 differs: there spread to the lining is allowed when treated and stable.
    ("BC-E17-4", {"breast_health_screen": "no"}, "met"),
    ("BC-E17-4", _(HEALTH_YES, meningeal_or_active_brain_spread="yes"), "not_met"),
    ("BC-E17-4", _(HEALTH_YES, meningeal_or_active_brain_spread="no"), "met"),
    ("BC-E17-4", _(HEALTH_YES), "pending"),
    ("BC-E17-4", _(HEALTH_YES, meningeal_or_active_brain_spread="not_sure"), "unknown"),
    ("BC-E17-4", _(HEALTH_NOT_SURE, meningeal_or_active_brain_spread="yes"), "not_met"),
    ("BC-E17-4", _(HEALTH_NOT_SURE, meningeal_or_active_brain_spread="no"), "met"),
    ("BC-E17-4", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E17-4", _(HEALTH_NOT_SURE, meningeal_or_active_brain_spread="not_sure"), "unknown"),
    # --- Exclusion 17.5: severe bone damage from bone metastases.
    ("BC-E17-5", {"breast_health_screen": "no"}, "met"),
    ("BC-E17-5", _(HEALTH_YES, severe_bone_damage="yes"), "not_met"),
    ("BC-E17-5", _(HEALTH_YES, severe_bone_damage="no"), "met"),
    ("BC-E17-5", _(HEALTH_YES), "pending"),
    ("BC-E17-5", _(HEALTH_YES, severe_bone_damage="not_sure"), "unknown"),
    ("BC-E17-5", _(HEALTH_NOT_SURE, severe_bone_damage="yes"), "not_met"),
    ("BC-E17-5", _(HEALTH_NOT_SURE, severe_bone_damage="no"), "met"),
    ("BC-E17-5", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E17-5", _(HEALTH_NOT_SURE, severe_bone_damage="not_sure"), "unknown"),
    # --- Exclusion 18: had a control chemotherapy (capecitabine/paclitaxel/nab-paclitaxel)
    #     in the recurrent/metastatic phase.
    ("BC-E18", {"metastatic_chemo": "no"}, "met"),
    ("BC-E18", {"metastatic_chemo": "yes"}, "not_met"),
    ("BC-E18", {"metastatic_chemo": "not_sure"}, "unknown"),
    # --- Exclusion 19: any prior anti-HER2 therapy.
    ("BC-E19", {"anti_her2_therapy": "no"}, "met"),
    ("BC-E19", {"anti_her2_therapy": "yes"}, "not_met"),
    ("BC-E19", {"anti_her2_therapy": "not_sure"}, "unknown"),
    # --- Exclusion 20: hypersensitivity to humanised monoclonal antibodies. The listing says
    #     any hypersensitivity, not only severe (unlike the NPC trial's exclusion 15), so the
    #     question asks about any allergic reaction.
    ("BC-E20", {"breast_health_screen": "no"}, "met"),
    ("BC-E20", _(HEALTH_YES, antibody_allergy="yes"), "not_met"),
    ("BC-E20", _(HEALTH_YES, antibody_allergy="no"), "met"),
    ("BC-E20", _(HEALTH_YES), "pending"),
    ("BC-E20", _(HEALTH_YES, antibody_allergy="not_sure"), "unknown"),
    ("BC-E20", _(HEALTH_NOT_SURE, antibody_allergy="yes"), "not_met"),
    ("BC-E20", _(HEALTH_NOT_SURE, antibody_allergy="no"), "met"),
    ("BC-E20", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E20", _(HEALTH_NOT_SURE, antibody_allergy="not_sure"), "unknown"),
    # --- Exclusion 21: allergy to a study drug (capecitabine, paclitaxel, nab-paclitaxel).
    ("BC-E21", {"breast_health_screen": "no"}, "met"),
    ("BC-E21", _(HEALTH_YES, chemo_allergy="yes"), "not_met"),
    ("BC-E21", _(HEALTH_YES, chemo_allergy="no"), "met"),
    ("BC-E21", _(HEALTH_YES), "pending"),
    ("BC-E21", _(HEALTH_YES, chemo_allergy="not_sure"), "unknown"),
    ("BC-E21", _(HEALTH_NOT_SURE, chemo_allergy="yes"), "not_met"),
    ("BC-E21", _(HEALTH_NOT_SURE, chemo_allergy="no"), "met"),
    ("BC-E21", _(HEALTH_NOT_SURE), "pending"),
    ("BC-E21", _(HEALTH_NOT_SURE, chemo_allergy="not_sure"), "unknown"),
    # --- Exclusion 22: another trial's anti-tumour drug within 4 weeks.
    ("BC-E22", {"last_treatment_days": 28}, "met"),
    ("BC-E22", {"last_treatment_days": 27, "days_since_trial_drug": 27}, "not_met"),
    ("BC-E22", {"last_treatment_days": 20, "days_since_trial_drug": 28}, "met"),
    ("BC-E22", {"last_treatment_days": 5, "days_since_trial_drug": "never"}, "met"),
    ("BC-E22", {"last_treatment_days": 5}, "pending"),
    ("BC-E22", {"last_treatment_days": 5, "days_since_trial_drug": "not_sure"}, "unknown"),
    ("BC-E22", {"last_treatment_days": "not_sure", "days_since_trial_drug": 5}, "not_met"),
    ("BC-E22", {"last_treatment_days": "not_sure", "days_since_trial_drug": "never"}, "met"),
    ("BC-E22", {"last_treatment_days": "not_sure"}, "pending"),
    ("BC-E22", {"last_treatment_days": "not_sure", "days_since_trial_drug": "not_sure"}, "unknown"),
    # --- Exclusion 23: investigator's judgement: study team.
    ("BC-E23", {}, "study_team"),
    ("BC-E23", {"breast_health_screen": "no", "breast_recent_screen": "no"}, "study_team"),
]


@pytest.mark.parametrize("criterion_id, answers, expected", CASES, ids=[case_id(case) for case in CASES])
def test_criterion_status(screen_answers, criterion_id, answers, expected):
    result = screen_answers(BC, answers)
    assert status_of(result, criterion_id) == expected


def test_catalog_has_exactly_the_listing_criteria(catalog):
    assert [c.id for c in catalog.trial(BC).criteria] == LISTING_CRITERIA


@pytest.mark.parametrize("criterion_id", LISTING_CRITERIA)
def test_every_criterion_has_a_passing_and_a_failing_case(criterion_id):
    """Each criterion has a passing case that meets it and one that does not (or, where no
    answer can fail it, one that makes it unknown); study-team criteria have a case."""
    statuses = {expected for cid, _answers, expected in plain_rows(CASES) if cid == criterion_id}
    if statuses == {"study_team"}:
        return
    assert "met" in statuses
    assert statuses & {"not_met", "unknown"}


# --- Waiting times: "not yet", with the date the wait ends -------------------------
WASHOUTS = [
    # Incisional biopsy 10 days ago: 2026-11-22 + (28 - 10) = 2026-12-10.
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury=10), dt.date(2026, 12, 10)),
    # Operation on 2026-10-26 (27 days ago): 2026-11-23.
    ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury="2026-10-26"), dt.date(2026, 11, 23)),
    # Prednisone for immunosuppression until 2026-11-16 (6 days ago): 2026-11-22 + (14 - 6) = 2026-11-30.
    ("BC-E15", _(RECENT_YES, days_since_immunosuppressants="2026-11-16"), dt.date(2026, 11, 30)),
    # "Not sure" to the recent-events list, then an incisional biopsy 10 days ago: 2026-12-10.
    ("BC-E03", _(RECENT_NOT_SURE, days_since_surgery_biopsy_injury=10), dt.date(2026, 12, 10)),
    # "Not sure" when the last treatment was, then another trial's drug 15 days ago: 2026-12-05.
    ("BC-E22", {"last_treatment_days": "not_sure", "days_since_trial_drug": 15}, dt.date(2026, 12, 5)),
    # Chemotherapy 20 days ago: 2026-11-22 + (28 - 20) = 2026-11-30.
    (
        "BC-E17-1",
        {"last_treatment_days": 20, "days_since_chemotherapy": 20, "days_since_radiotherapy": "never",
         "days_since_immunotherapy": "never"},
        dt.date(2026, 11, 30),
    ),
    # Radical radiotherapy ended 1 day ago: 2026-11-22 + 27 = 2026-12-19.
    (
        "BC-E17-1",
        _(FOUR_WEEK_GROUP_LONG_AGO, last_treatment_days=1, days_since_radiotherapy=1),
        dt.date(2026, 12, 19),
    ),
    # Letrozole until 2026-11-17 (5 days ago): 2026-11-22 + (14 - 5) = 2026-12-01.
    (
        "BC-E17-2",
        _(TWO_WEEK_GROUP_NEVER, last_treatment_days="2026-11-17", days_since_hormone_therapy="2026-11-17"),
        dt.date(2026, 12, 1),
    ),
    # Palbociclib 13 days ago: 2026-11-23.
    (
        "BC-E17-2",
        _(TWO_WEEK_GROUP_NEVER, last_treatment_days=13, days_since_targeted_therapy=13),
        dt.date(2026, 11, 23),
    ),
    # Another trial's drug 15 days ago: 2026-11-22 + (28 - 15) = 2026-12-05.
    ("BC-E22", {"last_treatment_days": 15, "days_since_trial_drug": 15}, dt.date(2026, 12, 5)),
]


@pytest.mark.parametrize("criterion_id, answers, wait_until", WASHOUTS)
def test_washout_not_yet_with_end_date(screen_answers, criterion_id, answers, wait_until):
    result = screen_answers(BC, answers)
    [criterion_result] = [c for c in result.criteria if c.criterion.id == criterion_id]
    assert criterion_result.status.value == "not_met"
    assert criterion_result.not_yet is True
    assert criterion_result.wait_until == wait_until


@pytest.mark.parametrize(
    "criterion_id, answers",
    [
        ("BC-E03", _(RECENT_YES, days_since_surgery_biopsy_injury=28)),
        ("BC-E15", _(RECENT_YES, days_since_immunosuppressants=14)),
        ("BC-E17-1", {"last_treatment_days": 28}),
        ("BC-E17-2", {"last_treatment_days": 14}),
        ("BC-E22", {"last_treatment_days": 28}),
    ],
)
def test_washout_over_is_not_a_wait(screen_answers, criterion_id, answers):
    result = screen_answers(BC, answers)
    [criterion_result] = [c for c in result.criteria if c.criterion.id == criterion_id]
    assert criterion_result.status.value == "met"
    assert criterion_result.not_yet is False
    assert criterion_result.wait_until is None


def test_a_plain_exclusion_is_not_a_wait(screen_answers):
    result = screen_answers(BC, {"anti_her2_therapy": "yes"})
    [criterion_result] = [c for c in result.criteria if c.criterion.id == "BC-E19"]
    assert criterion_result.status.value == "not_met"
    assert criterion_result.not_yet is False
    assert criterion_result.wait_until is None


def test_umbrella_no_clears_every_follow_up(screen_answers):
    """One "no" to each list meets every exclusion it covers, without follow-up questions."""
    result = screen_answers(BC, {"breast_health_screen": "no"})
    for criterion_id in ("BC-E04", "BC-E05", "BC-E06", "BC-E07", "BC-E08", "BC-E09", "BC-E11", "BC-E12",
                         "BC-E13", "BC-E16", "BC-E17-3", "BC-E17-4", "BC-E17-5", "BC-E20", "BC-E21"):
        assert status_of(result, criterion_id) == "met", criterion_id
    result = screen_answers(BC, {"breast_recent_screen": "no"})
    for criterion_id in ("BC-E03", "BC-E10", "BC-E15"):
        assert status_of(result, criterion_id) == "met", criterion_id


def test_umbrella_not_sure_clears_nothing(screen_answers):
    """"Not sure" to a list: every exclusion it covers waits for its own follow-up question."""
    result = screen_answers(BC, {"breast_health_screen": "not_sure"})
    for criterion_id in ("BC-E04", "BC-E05", "BC-E06", "BC-E07", "BC-E08", "BC-E09", "BC-E11", "BC-E12",
                         "BC-E13", "BC-E16", "BC-E17-3", "BC-E17-4", "BC-E17-5", "BC-E20", "BC-E21"):
        assert status_of(result, criterion_id) == "pending", criterion_id
    result = screen_answers(BC, {"breast_recent_screen": "not_sure"})
    for criterion_id in ("BC-E03", "BC-E10", "BC-E15"):
        assert status_of(result, criterion_id) == "pending", criterion_id
    result = screen_answers(BC, {"last_treatment_days": "not_sure"})
    for criterion_id in ("BC-E17-1", "BC-E17-2", "BC-E22"):
        assert status_of(result, criterion_id) == "pending", criterion_id
