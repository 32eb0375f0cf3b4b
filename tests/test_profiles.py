"""Whole-patient profiles for both trials, screened at once and walked question by question.

Each profile is the full set of answers one (made-up) patient or caregiver would
give to the questions the screener reaches: after an umbrella "no" there are no
follow-up answers, after "last treatment 6 weeks ago" no per-treatment dates. After
"not sure" to an umbrella (a list of problems, or "when did you last have any
treatment?") every follow-up is asked, and those answers decide.
Expectations (verdict, the exact set of criteria not met, wait dates) come from
the listings in seeds/*.txt, worked out by hand. Today is 2026-11-22.
"""

from __future__ import annotations

import datetime as dt
from typing import Dict, List, Mapping, Tuple

import pytest

NPC = "NCT06839066"
BC = "NCT06561607"

# ============================================================================
# Nasopharyngeal carcinoma (NCT06839066)
# ============================================================================

# A 52-year-old man after gemcitabine-cisplatin with toripalimab, then a second
# chemotherapy; last treatment 6 weeks ago; partner could get pregnant.
NPC_TYPICAL = {
    "npc_recurrent_metastatic": "yes",
    "age": 52,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 42,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# A 17-year-old (NPC has a second peak in adolescents) after two chemotherapy lines.
NPC_AGED_17 = {
    "npc_recurrent_metastatic": "yes",
    "age": 17,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "fully_active",
    "last_treatment_days": 60,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Only first-line chemotherapy so far: platinum and PD-1 questions no longer matter.
NPC_ONE_CHEMO_LINE = {
    "npc_recurrent_metastatic": "yes",
    "age": 47,
    "chemo_lines": 1,
    "daily_activity": "fully_active",
    "last_treatment_days": 90,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Three chemotherapy lines, one with cisplatin, but never a PD-1/PD-L1 medicine.
NPC_NEVER_PD1 = {
    "npc_recurrent_metastatic": "yes",
    "age": 61,
    "chemo_lines": 3,
    "platinum_chemo": "yes",
    "pd1_therapy": "no",
    "daily_activity": "light_work",
    "last_treatment_days": 50,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# Last chemotherapy (with a PD-1 drip) on 2026-11-06, 16 days ago. That settles inclusion 7
# as "not yet", so the screener asks nothing more about it (other treatments, side effects).
# 4-week wait: ends 2026-11-22 + (28 - 16) = 2026-12-04.
NPC_IN_WASHOUT = {
    "npc_recurrent_metastatic": "yes",
    "age": 49,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": "2026-11-06",
    "days_since_chemotherapy": "2026-11-06",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Active tuberculosis: "yes" to the health list, then each item asked on its own.
NPC_ACTIVE_TB = {
    "npc_recurrent_metastatic": "yes",
    "age": 58,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "yes",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "yes",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# A 36-year-old woman who is pregnant.
NPC_PREGNANT = {
    "npc_recurrent_metastatic": "yes",
    "age": 36,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "fully_active",
    "last_treatment_days": 70,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "yes",
    "contraception": "yes",
}

# Does not know whether the last scan showed a measurable tumour: the study team checks.
NPC_LESION_NOT_SURE = {
    "npc_recurrent_metastatic": "yes",
    "age": 55,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 35,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "not_sure",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Brain metastases that cause headaches and are untreated.
NPC_BRAIN_METASTASES = {
    "npc_recurrent_metastatic": "yes",
    "age": 63,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 45,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "yes",
    "active_brain_metastases": "yes",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# An early skin cancer removed last year: "radically treated early-stage" is allowed.
NPC_EARLY_CANCER_LAST_YEAR = {
    "npc_recurrent_metastatic": "yes",
    "age": 66,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 33,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "within_2_years",
    "other_cancer_early_treated": "yes",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# Lung cancer treated last year that was not early: exclusion 3.
NPC_OTHER_CANCER_NOT_EARLY = {
    "npc_recurrent_metastatic": "yes",
    "age": 68,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 60,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "within_2_years",
    "other_cancer_early_treated": "no",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# Tingling in the fingers from cisplatin (allowed) and an underactive thyroid on tablets
# (excepted), so "yes" to the health list but "no" to every item: eligible.
NPC_NEUROPATHY_AND_THYROID = {
    "npc_recurrent_metastatic": "yes",
    "age": 57,
    "chemo_lines": 3,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 31,
    "side_effects_more_than_mild": "yes",
    "side_effects_only_hair_or_nerves": "yes",
    "measurable_lesion": "yes",
    "npc_health_screen": "yes",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Up and about but cannot work (ECOG 2), and had a yellow-fever shot 10 days ago.
# Vaccine wait: 2026-11-22 + (28 - 10) = 2026-12-10.
NPC_ECOG2_AND_LIVE_VACCINE = {
    "npc_recurrent_metastatic": "yes",
    "age": 71,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "self_care_only",
    "last_treatment_days": 48,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "yes",
    "days_since_steroids": "never",
    "days_since_iv_antibiotics": "never",
    "days_since_live_vaccine": 10,
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# Will not give a tumour sample, and finished dexamethasone 5 days ago.
# Steroid wait: 2026-11-22 + (14 - 5) = 2026-12-01.
NPC_NO_SAMPLE_AND_STEROIDS = {
    "npc_recurrent_metastatic": "yes",
    "age": 59,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "yes",
    "days_since_steroids": 5,
    "days_since_iv_antibiotics": "never",
    "days_since_live_vaccine": "never",
    "tissue_sample": "no",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# Not sure about the health list, then "yes" to active TB when asked on its own.
NPC_UNSURE_LIST_THEN_TB = {
    "npc_recurrent_metastatic": "yes",
    "age": 50,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "not_sure",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "yes",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# "Yes" to the health list because a CT scan last month showed possible lung scarring (ILD
# that imaging cannot rule out); never needed steroids for the lungs, breathing is fine.
# Exclusion 7 covers "current ILD, or ILD unexcludable by imaging" on its own, so the
# screener does not go on to ask about severe breathing trouble.
NPC_SCAN_SIGNS_OF_ILD = {
    "npc_recurrent_metastatic": "yes",
    "age": 62,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 45,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "yes",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "yes",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# One brain metastasis treated with radiosurgery a year ago and stable since, and a mild
# itchy rash during a nimotuzumab drip. Exclusion 6 is only for symptomatic, untreated or
# progressing spread, and exclusion 15 only for SEVERE hypersensitivity: eligible.
NPC_TREATED_BRAIN_SPREAD_AND_MILD_RASH = {
    "npc_recurrent_metastatic": "yes",
    "age": 54,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 38,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "yes",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "no",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# A caregiver not sure about either list, who then answers every item on its own: no item
# applies, so "not sure" to the lists excludes nothing: eligible.
NPC_UNSURE_LISTS_THEN_ALL_CLEAR = {
    "npc_recurrent_metastatic": "yes",
    "age": 64,
    "chemo_lines": 3,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "light_work",
    "last_treatment_days": 56,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "not_sure",
    "active_brain_metastases": "no",
    "immune_side_effect_severe": "no",
    "lung_inflammation_steroids": "no",
    "current_lung_inflammation": "no",
    "severe_lung_disease": "no",
    "effusion_drainage": "no",
    "heart_or_stroke_uncontrolled": "no",
    "autoimmune_disease": "no",
    "active_hepatitis_b_or_c": "no",
    "active_tuberculosis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "transplant_waiting": "no",
    "antibody_allergy_severe": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "not_sure",
    "days_since_steroids": "never",
    "days_since_iv_antibiotics": 60,
    "days_since_live_vaccine": "never",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "not_applicable",
}

# Prednisone 5 mg a day for joint pain until 3 days ago: "yes" to the recent medicines list,
# but the steroid question says not to count 10 mg of prednisone a day or less (the listing
# excludes only > 10 mg/day), so "never". Eligible.
NPC_LOW_DOSE_PREDNISONE = {
    "npc_recurrent_metastatic": "yes",
    "age": 60,
    "chemo_lines": 2,
    "platinum_chemo": "yes",
    "pd1_therapy": "yes",
    "daily_activity": "fully_active",
    "last_treatment_days": 42,
    "side_effects_more_than_mild": "no",
    "measurable_lesion": "yes",
    "npc_health_screen": "no",
    "other_cancer": "none",
    "npc_recent_medicines": "yes",
    "days_since_steroids": "never",
    "days_since_iv_antibiotics": "never",
    "days_since_live_vaccine": "never",
    "tissue_sample": "yes",
    "pregnant_or_breastfeeding": "no",
    "contraception": "yes",
}

# ============================================================================
# HER2-low HR+ breast cancer (NCT06561607)
# ============================================================================

# A 58-year-old after letrozole with palbociclib (stopped 5 weeks ago on progression),
# HER2 1+, no chemotherapy since the cancer spread.
BC_TYPICAL = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 58,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 35,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# HER2 0: not HER2-low.
BC_HER2_ZERO = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_0",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 62,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# HER2 3+ (HER2-positive), treated with trastuzumab and pertuzumab.
BC_HER2_POSITIVE = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_3",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "yes",
    "age": 49,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 60,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Hormone receptor negative, HER2 2+ with negative FISH: HR status is defined (inclusion 4)
# but the study is for HR+ disease (summary).
BC_HR_NEGATIVE = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "negative",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 45,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 30,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Had capecitabine after the cancer spread: both the summary and exclusion 18.
BC_METASTATIC_CHEMO = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "yes",
    "anti_her2_therapy": "no",
    "age": 64,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 45,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# HER2 2+ with negative FISH now, but had trastuzumab after surgery years ago.
BC_PRIOR_TRASTUZUMAB = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "yes",
    "age": 53,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 90,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Aged 76: over the 18-75 range. Age and daily activity are one criterion, so daily
# activity is no longer asked.
BC_AGED_76 = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 76,
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# On letrozole with palbociclib until 2026-11-17 (5 days ago); chemotherapy and radiotherapy
# after surgery about 4 years ago. Once letrozole settles exclusion 17.2 as "not yet", the
# targeted and Chinese medicine questions are not asked.
# 2-week wait: 2026-11-22 + (14 - 5) = 2026-12-01.
BC_LETROZOLE_5_DAYS_AGO = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 60,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": "2026-11-17",
    "days_since_chemotherapy": 1500,
    "days_since_radiotherapy": 1400,
    "days_since_immunotherapy": "never",
    "days_since_hormone_therapy": "2026-11-17",
    "days_since_trial_drug": "never",
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Kidney failure on haemodialysis: "yes" to the health list, then each item on its own.
BC_DIALYSIS = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 67,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 50,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "yes",
    "meningeal_or_active_brain_spread": "no",
    "lung_inflammation_steroids": "no",
    "lung_disease_3_months": "no",
    "heart_disease": "no",
    "blood_clot_6_months": "no",
    "effusion_drainage": "no",
    "severe_bone_damage": "no",
    "liver_disease": "no",
    "dialysis": "yes",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "unhealed_wound_or_fracture": "no",
    "iv_or_swallowing_problem": "no",
    "substance_or_psychiatric": "no",
    "antibody_allergy": "no",
    "chemo_allergy": "no",
    "breast_recent_screen": "no",
}

# Does not know the HER2 result: the study team checks the pathology report.
BC_HER2_NOT_SURE = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "not_sure",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 51,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 30,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# A surgical biopsy of a new liver lesion 12 days ago to confirm progression.
# Wait: 2026-11-22 + (28 - 12) = 2026-12-08.
BC_RECENT_BIOPSY = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 56,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 12,
    "days_since_chemotherapy": "never",
    "days_since_radiotherapy": 900,
    "days_since_immunotherapy": "never",
    "days_since_hormone_therapy": 30,
    "days_since_targeted_therapy": 30,
    "days_since_chinese_medicine": "never",
    "days_since_trial_drug": "never",
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "yes",
    "days_since_surgery_biopsy_injury": 12,
    "infection_last_2_weeks": "no",
    "days_since_immunosuppressants": "never",
}

# Thyroid cancer removed 3 years ago: within the 5 years (no exception in this listing).
BC_OTHER_CANCER_3_YEARS = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 48,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 60,
    "side_effects_more_than_mild": "no",
    "other_cancer": "years_2_to_5",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Moderate numbness in the feet from earlier paclitaxel: above grade 1, and this listing
# makes no exception for neuropathy.
BC_NEUROPATHY = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 59,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 100,
    "side_effects_more_than_mild": "yes",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# Not sure about the health list, then "yes" to dialysis when asked on its own.
BC_UNSURE_LIST_THEN_DIALYSIS = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 65,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 50,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "not_sure",
    "meningeal_or_active_brain_spread": "no",
    "lung_inflammation_steroids": "no",
    "lung_disease_3_months": "no",
    "heart_disease": "no",
    "blood_clot_6_months": "no",
    "effusion_drainage": "no",
    "severe_bone_damage": "no",
    "liver_disease": "no",
    "dialysis": "yes",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "unhealed_wound_or_fracture": "no",
    "iv_or_swallowing_problem": "no",
    "substance_or_psychiatric": "no",
    "antibody_allergy": "no",
    "chemo_allergy": "no",
    "breast_recent_screen": "no",
}

# Carcinomatous meningitis treated with intrathecal chemotherapy and now stable: the listing
# excludes any KNOWN carcinomatous meningitis (exclusion 17.4), treated or not.
BC_TREATED_MENINGEAL_SPREAD = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 52,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 45,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "yes",
    "meningeal_or_active_brain_spread": "yes",
    "lung_inflammation_steroids": "no",
    "lung_disease_3_months": "no",
    "heart_disease": "no",
    "blood_clot_6_months": "no",
    "effusion_drainage": "no",
    "severe_bone_damage": "no",
    "liver_disease": "no",
    "dialysis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "unhealed_wound_or_fracture": "no",
    "iv_or_swallowing_problem": "no",
    "substance_or_psychiatric": "no",
    "antibody_allergy": "no",
    "chemo_allergy": "no",
    "breast_recent_screen": "no",
}

# COPD that has made her short of breath walking to the shop these last months:
# moderate lung disease within 3 months (exclusion 6).
BC_COPD_SHORT_OF_BREATH = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 69,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 60,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "yes",
    "meningeal_or_active_brain_spread": "no",
    "lung_inflammation_steroids": "no",
    "lung_disease_3_months": "yes",
    "heart_disease": "no",
    "blood_clot_6_months": "no",
    "effusion_drainage": "no",
    "severe_bone_damage": "no",
    "liver_disease": "no",
    "dialysis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "unhealed_wound_or_fracture": "no",
    "iv_or_swallowing_problem": "no",
    "substance_or_psychiatric": "no",
    "antibody_allergy": "no",
    "chemo_allergy": "no",
    "breast_recent_screen": "no",
}

# Mild hives after omalizumab shots for asthma (a humanised monoclonal antibody). The listing
# excludes any hypersensitivity to such products, not only severe (exclusion 20).
BC_HIVES_AFTER_ANTIBODY = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 46,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 40,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "yes",
    "meningeal_or_active_brain_spread": "no",
    "lung_inflammation_steroids": "no",
    "lung_disease_3_months": "no",
    "heart_disease": "no",
    "blood_clot_6_months": "no",
    "effusion_drainage": "no",
    "severe_bone_damage": "no",
    "liver_disease": "no",
    "dialysis": "no",
    "immunodeficiency": "no",
    "organ_transplant": "no",
    "unhealed_wound_or_fracture": "no",
    "iv_or_swallowing_problem": "no",
    "substance_or_psychiatric": "no",
    "antibody_allergy": "yes",
    "chemo_allergy": "no",
    "breast_recent_screen": "no",
}

# Prednisone 5 mg a day for an eczema flare, last taken 7 days ago. The listing excludes
# immunosuppressive or systemic steroid therapy within 2 weeks with no dose exception
# (unlike the NPC trial). Wait: 2026-11-22 + (14 - 7) = 2026-11-29.
BC_LOW_DOSE_PREDNISONE = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_1",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 57,
    "daily_activity": "fully_active",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": 50,
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "yes",
    "days_since_surgery_biopsy_injury": "never",
    "infection_last_2_weeks": "no",
    "days_since_immunosuppressants": 7,
}

# Not sure when the last treatment was, so each kind is asked on its own: chemotherapy
# 14 months ago, radiotherapy 13 months ago, letrozole and ribociclib stopped 20 days ago
# (over the 2-week wait), nothing else. Every wait is over: eligible.
BC_UNSURE_LAST_TREATMENT = {
    "breast_advanced_unresectable": "yes",
    "hr_status": "positive",
    "her2_result": "ihc_2_ish_negative",
    "metastatic_chemo": "no",
    "anti_her2_therapy": "no",
    "age": 63,
    "daily_activity": "light_work",
    "progression_on_scan": "yes",
    "measurable_lesion": "yes",
    "last_treatment_days": "not_sure",
    "days_since_chemotherapy": 425,
    "days_since_radiotherapy": 395,
    "days_since_immunotherapy": "never",
    "days_since_hormone_therapy": 20,
    "days_since_targeted_therapy": 20,
    "days_since_chinese_medicine": "never",
    "days_since_trial_drug": "never",
    "side_effects_more_than_mild": "no",
    "other_cancer": "none",
    "breast_health_screen": "no",
    "breast_recent_screen": "no",
}

# (name, trial, answers, expected verdict, criteria not met, {criterion: wait_until})
PROFILES = [
    ("npc-typical-eligible", NPC, NPC_TYPICAL, "likely_eligible", set(), {}),
    ("npc-aged-17", NPC, NPC_AGED_17, "likely_ineligible", {"NPC-I02"}, {}),
    ("npc-one-chemo-line", NPC, NPC_ONE_CHEMO_LINE, "likely_ineligible", {"NPC-I04"}, {}),
    ("npc-never-pd1", NPC, NPC_NEVER_PD1, "likely_ineligible", {"NPC-I04"}, {}),
    ("npc-in-washout", NPC, NPC_IN_WASHOUT, "likely_ineligible", {"NPC-I07"}, {"NPC-I07": dt.date(2026, 12, 4)}),
    ("npc-active-tb", NPC, NPC_ACTIVE_TB, "likely_ineligible", {"NPC-E16"}, {}),
    ("npc-pregnant", NPC, NPC_PREGNANT, "likely_ineligible", {"NPC-E19"}, {}),
    ("npc-lesion-not-sure", NPC, NPC_LESION_NOT_SURE, "needs_review", set(), {}),
    ("npc-brain-metastases", NPC, NPC_BRAIN_METASTASES, "likely_ineligible", {"NPC-E06"}, {}),
    ("npc-early-cancer-last-year", NPC, NPC_EARLY_CANCER_LAST_YEAR, "likely_eligible", set(), {}),
    ("npc-other-cancer-not-early", NPC, NPC_OTHER_CANCER_NOT_EARLY, "likely_ineligible", {"NPC-E03"}, {}),
    ("npc-neuropathy-and-thyroid", NPC, NPC_NEUROPATHY_AND_THYROID, "likely_eligible", set(), {}),
    (
        "npc-ecog2-and-live-vaccine", NPC, NPC_ECOG2_AND_LIVE_VACCINE, "likely_ineligible",
        {"NPC-I08", "NPC-E14"}, {"NPC-E14": dt.date(2026, 12, 10)},
    ),
    (
        "npc-no-sample-and-steroids", NPC, NPC_NO_SAMPLE_AND_STEROIDS, "likely_ineligible",
        {"NPC-I06", "NPC-E12"}, {"NPC-E12": dt.date(2026, 12, 1)},
    ),
    ("npc-unsure-list-then-tb", NPC, NPC_UNSURE_LIST_THEN_TB, "likely_ineligible", {"NPC-E16"}, {}),
    ("npc-scan-signs-of-ild", NPC, NPC_SCAN_SIGNS_OF_ILD, "likely_ineligible", {"NPC-E07"}, {}),
    ("npc-treated-brain-spread-and-mild-rash", NPC, NPC_TREATED_BRAIN_SPREAD_AND_MILD_RASH, "likely_eligible", set(), {}),
    ("npc-unsure-lists-then-all-clear", NPC, NPC_UNSURE_LISTS_THEN_ALL_CLEAR, "likely_eligible", set(), {}),
    ("npc-low-dose-prednisone", NPC, NPC_LOW_DOSE_PREDNISONE, "likely_eligible", set(), {}),
    ("bc-typical-eligible", BC, BC_TYPICAL, "likely_eligible", set(), {}),
    ("bc-her2-zero", BC, BC_HER2_ZERO, "likely_ineligible", {"BC-I03"}, {}),
    ("bc-her2-positive", BC, BC_HER2_POSITIVE, "likely_ineligible", {"BC-I03", "BC-E19"}, {}),
    ("bc-hr-negative", BC, BC_HR_NEGATIVE, "likely_ineligible", {"BC-S01"}, {}),
    ("bc-metastatic-chemo", BC, BC_METASTATIC_CHEMO, "likely_ineligible", {"BC-S02", "BC-E18"}, {}),
    ("bc-prior-trastuzumab", BC, BC_PRIOR_TRASTUZUMAB, "likely_ineligible", {"BC-E19"}, {}),
    ("bc-aged-76", BC, BC_AGED_76, "likely_ineligible", {"BC-I02"}, {}),
    (
        "bc-letrozole-5-days-ago", BC, BC_LETROZOLE_5_DAYS_AGO, "likely_ineligible",
        {"BC-E17-2"}, {"BC-E17-2": dt.date(2026, 12, 1)},
    ),
    ("bc-dialysis", BC, BC_DIALYSIS, "likely_ineligible", {"BC-E12"}, {}),
    ("bc-her2-not-sure", BC, BC_HER2_NOT_SURE, "needs_review", set(), {}),
    (
        "bc-recent-biopsy", BC, BC_RECENT_BIOPSY, "likely_ineligible",
        {"BC-E03"}, {"BC-E03": dt.date(2026, 12, 8)},
    ),
    ("bc-other-cancer-3-years", BC, BC_OTHER_CANCER_3_YEARS, "likely_ineligible", {"BC-E01"}, {}),
    ("bc-neuropathy", BC, BC_NEUROPATHY, "likely_ineligible", {"BC-E02"}, {}),
    ("bc-unsure-list-then-dialysis", BC, BC_UNSURE_LIST_THEN_DIALYSIS, "likely_ineligible", {"BC-E12"}, {}),
    ("bc-treated-meningeal-spread", BC, BC_TREATED_MENINGEAL_SPREAD, "likely_ineligible", {"BC-E17-4"}, {}),
    ("bc-copd-short-of-breath", BC, BC_COPD_SHORT_OF_BREATH, "likely_ineligible", {"BC-E06"}, {}),
    ("bc-hives-after-antibody", BC, BC_HIVES_AFTER_ANTIBODY, "likely_ineligible", {"BC-E20"}, {}),
    (
        "bc-low-dose-prednisone", BC, BC_LOW_DOSE_PREDNISONE, "likely_ineligible",
        {"BC-E15"}, {"BC-E15": dt.date(2026, 11, 29)},
    ),
    ("bc-unsure-last-treatment", BC, BC_UNSURE_LAST_TREATMENT, "likely_eligible", set(), {}),
]

PROFILE_FIELDS = "name, trial_id, profile, verdict, not_met, waits"


def _ids(rows):
    return [tuple(getattr(row, "values", row))[0] for row in rows]


def _without_marks(rows):
    """The profile rows as plain (name, trial, answers) tuples, expected failures included."""
    return [tuple(getattr(row, "values", row))[:3] for row in rows]


def _walk(screen_answers, trial_id: str, profile: Mapping[str, object]) -> Tuple[List[str], object]:
    """Answer the screener's questions one at a time from the profile, until it asks nothing more.

    A question the profile does not answer fails the test: a profile must be complete.
    """
    given: Dict[str, object] = {}
    asked: List[str] = []
    result = screen_answers(trial_id, given)
    while result.next_question is not None:
        question = result.next_question
        if question in given:
            pytest.fail(f"the screener asked {question!r} twice")
        if question not in profile:
            pytest.fail(f"the screener asked {question!r}, which the profile does not answer")
        given[question] = profile[question]
        asked.append(question)
        result = screen_answers(trial_id, given)
    return asked, result


def _reach(catalog, screen_answers, trial_id: str, profile: Mapping[str, object]) -> List[str]:
    """Every question the screener would reach if it went on after a criterion not met:
    the first still-deciding question in the trial's order, again and again."""
    order = catalog.trial(trial_id).question_order
    given: Dict[str, object] = {}
    asked: List[str] = []
    while True:
        result = screen_answers(trial_id, given)
        deciding = {qid for criterion_result in result.criteria for qid in criterion_result.deciding}
        question = next((qid for qid in order if qid in deciding), None)
        if question is None:
            return asked
        if question not in profile:
            pytest.fail(f"the screener would ask {question!r}, which the profile does not answer")
        given[question] = profile[question]
        asked.append(question)


@pytest.mark.parametrize(PROFILE_FIELDS, PROFILES, ids=_ids(PROFILES))
def test_profile_screened_at_once(screen_answers, name, trial_id, profile, verdict, not_met, waits):
    result = screen_answers(trial_id, profile)
    assert result.verdict.value == verdict
    assert {r.criterion.id for r in result.reasons} == not_met
    assert "pending" not in {r.status.value for r in result.criteria}
    for criterion_result in result.reasons:
        criterion_id = criterion_result.criterion.id
        if criterion_id in waits:
            assert criterion_result.not_yet is True, criterion_id
            assert criterion_result.wait_until == waits[criterion_id], criterion_id


@pytest.mark.parametrize(PROFILE_FIELDS, PROFILES, ids=_ids(PROFILES))
def test_profile_walked_one_question_at_a_time(screen_answers, name, trial_id, profile, verdict, not_met, waits):
    asked, result = _walk(screen_answers, trial_id, profile)
    assert result.verdict.value == verdict
    walked_not_met = {r.criterion.id for r in result.reasons}
    if not_met:
        # The screener stops at the first criterion not met; it is one of the profile's reasons.
        assert walked_not_met and walked_not_met <= not_met
    else:
        assert walked_not_met == set()
    assert set(asked) <= set(profile)


@pytest.mark.parametrize("name, trial_id, profile", _without_marks(PROFILES), ids=_ids(PROFILES))
def test_profile_answers_exactly_the_questions_the_screener_reaches(catalog, screen_answers, name, trial_id, profile):
    """No answer missing (no silent default) and none the screener would never ask."""
    asked = _reach(catalog, screen_answers, trial_id, profile)
    assert len(asked) == len(set(asked))
    assert set(asked) == set(profile)


@pytest.mark.parametrize("trial_id, profile", [(NPC, NPC_TYPICAL), (BC, BC_TYPICAL)], ids=["npc", "breast"])
def test_typical_eligible_patient_needs_at_most_15_questions(screen_answers, trial_id, profile):
    asked, result = _walk(screen_answers, trial_id, profile)
    assert len(asked) <= 15
    assert result.verdict.value == "likely_eligible"
    assert result.next_question is None


def test_at_least_ten_profiles_per_trial():
    trials = [tuple(getattr(row, "values", row))[1] for row in PROFILES]
    assert trials.count(NPC) >= 10
    assert trials.count(BC) >= 10
