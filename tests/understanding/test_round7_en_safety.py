"""Round 7 (issue 9l): a safety probe of round 7's new English rules.

The replies below were written for this probe (patients and caregivers, varied wording, typos, UK/US/Asian English),
many of them built to look like a new rule's case while meaning the opposite or being unsure. Each has the value a
careful human reader takes: yes / no / not_sure, a choice, an age, ``never``, a range of days ago (``d35-49``), or
``none`` where a person would have to ask. A reading is wrong when its value differs and it is used without a
check; a check or a re-ask is always fine. Dates count back from Monday 7 December 2026."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NO, YES
from tests.understanding.helpers import asked_again, read_at as read, used

PROBES = """
breast_advanced_unresectable | no operation planned, the doctor said its too big | yes
npc_health_screen | none of the rest, only my brain mets | yes
unhealed_wound_or_fracture | yes it healed ok | none
unhealed_wound_or_fracture | healed fine now | no
unhealed_wound_or_fracture | the cut on my leg is healing nicely | no
unhealed_wound_or_fracture | healing normally but slowly | none
unhealed_wound_or_fracture | its healing ok i think | not_sure
unhealed_wound_or_fracture | broke my wrist in may, healing well, cast off next week | no
unhealed_wound_or_fracture | healing nicely except the one on her heel which is still open | yes
unhealed_wound_or_fracture | the wound from surgery is not healing properly | yes
unhealed_wound_or_fracture | it was healing normally until it got infected, now its open again | yes
unhealed_wound_or_fracture | yes, a bed sore that has not healed | yes
unhealed_wound_or_fracture | hip fracture in march, still not healed | yes
heart_or_stroke_uncontrolled | yes but its well controlled now | none
heart_or_stroke_uncontrolled | had a stroke, blood pressure under control with pills | not_sure
heart_or_stroke_uncontrolled | stopped the heart pills | none
heart_or_stroke_uncontrolled | af, well controlled on apixaban | no
heart_or_stroke_uncontrolled | high blood pressure, under control with pills | no
heart_or_stroke_uncontrolled | high BP but not controlled even on 3 tablets | yes
heart_or_stroke_uncontrolled | bp is high, taking amlodipine, still around 170 | yes
heart_or_stroke_uncontrolled | heart failure, they keep changing my meds | yes
heart_or_stroke_uncontrolled | only high blood pressure and its controlled | no
heart_or_stroke_uncontrolled | no heart problems, but had a mini stroke last month | yes
heart_or_stroke_uncontrolled | mild stroke 2 years ago, fully recovered, on aspirin | no
breast_advanced_unresectable | no surgery | none
breast_advanced_unresectable | no surgery possible | yes
breast_advanced_unresectable | no spread, surgery booked for january | no
breast_advanced_unresectable | not spread, and they can operate | no
breast_advanced_unresectable | surgeon said it cant be removed | yes
breast_advanced_unresectable | no mets, lumpectomy next month | no
breast_advanced_unresectable | no, not spread. surgery is an option | no
active_brain_metastases | not treated yet | yes
active_brain_metastases | small spot in the brain, not treated yet | yes
active_brain_metastases | no brain mets, not treated for anything there | no
active_brain_metastases | no, never spread to the brain | no
active_brain_metastases | brain mets treated with radiotherapy, stable now | no
active_brain_metastases | no treatment needed, the spot is stable | no
active_brain_metastases | one lesion in the brain, she has had no treatment yet | yes
active_brain_metastases | not treated, because there is nothing in the brain | no
active_brain_metastases | no treatment for it yet, waiting for gamma knife next week | yes
active_brain_metastases | brain mets, no treatment since the radiation last year and the mri is stable | no
active_brain_metastases | nothing active now, had surgery and SRS | no
active_brain_metastases | nothing active now but the new scan shows a new spot | yes
meningeal_or_active_brain_spread | nothing active now | no
meningeal_or_active_brain_spread | nothing active now, they are still treating the lining | none
active_hepatitis_b_or_c | I had the hep B vaccine, never been infected | no
active_hepatitis_b_or_c | vaccinated for hep b and never had either | no
active_hepatitis_b_or_c | had the hep b jab but still got infected, on tenofovir | yes
active_hepatitis_b_or_c | got the hepatitis B vaccine, no hep c | no
active_hepatitis_b_or_c | had hep b vaccine, never had a test for hep c | not_sure
active_hepatitis_b_or_c | vaccine for hep b didnt work, i have hep b carrier | yes
active_hepatitis_b_or_c | hep b vaccine, but I have hep C not treated | yes
active_hepatitis_b_or_c | vaccinated against hep b, never infected until last year | yes
active_hepatitis_b_or_c | never vaccinated, never infected | no
active_hepatitis_b_or_c | had the hep b shots, no infection as far as i know | no
active_tuberculosis | bcg vaccine as a child, never had tb | no
active_tuberculosis | had the bcg jab, but tb last year, still on the pills | yes
active_tuberculosis | vaccinated against tb, but not sure about latent | not_sure
active_tuberculosis | had TB as a child, treated, nothing active now | no
active_tuberculosis | nothing now, they are still treating it | none
active_tuberculosis | nothing active now but still on the tablets for another 3 months | none
active_tuberculosis | all clear now | no
active_tuberculosis | clear now, finished 6 months of pills in june | no
active_tuberculosis | not active, latent only, on isoniazid | no
active_tuberculosis | nothing since 2019 | no
active_tuberculosis | nothing since, but the cough is back and they are testing me | not_sure
npc_health_screen | only high blood pressure, which isn't on the list | no
npc_health_screen | just type 2 diabetes, nothing on the list | no
npc_health_screen | lung scarring, none of the others | yes
npc_health_screen | nothing on the list except a stroke years ago | yes
npc_health_screen | nothing on the list I think | not_sure
npc_health_screen | hepatitis b, nothing else on the list | yes
npc_health_screen | asthma, not on the list | no
breast_health_screen | arthritis, not on your list | no
breast_health_screen | fluid around my lungs, nothing else on the list | yes
npc_recent_medicines | only paracetamol, nothing on the list | no
npc_recent_medicines | prednisolone last week, nothing else on the list | yes
effusion_drainage | drained once in July, not again since | no
effusion_drainage | they drained it once in march, it hasn't come back | no
effusion_drainage | a little fluid, no need to drain it | no
effusion_drainage | drained once, then twice more | yes
effusion_drainage | drained once, not again since but it's building up again now | yes
effusion_drainage | they drained it once and its not come back yet but they said it probably will | not_sure
effusion_drainage | drained once, not again since they put in a pleurx drain | yes
effusion_drainage | had it drained once last month, no need since | no
effusion_drainage | no need to drain it yet, but the fluid is growing | none
effusion_drainage | drained once a week | yes
effusion_drainage | drained once, not again since, they said they'll drain again if breathless | no
effusion_drainage | not drained since, I have a drain in now | yes
pregnant_or_breastfeeding | no, not now | no
pregnant_or_breastfeeding | I stopped breastfeeding last year | no
pregnant_or_breastfeeding | stopped breastfeeding but now pregnant again | yes
pregnant_or_breastfeeding | stopped breastfeeding last month, pregnant now | yes
pregnant_or_breastfeeding | stopped breastfeeding, 12 weeks pregnant | yes
pregnant_or_breastfeeding | stopped taking the pill, trying for a baby | no
pregnant_or_breastfeeding | not any more | no
current_lung_inflammation | no, not now | no
current_lung_inflammation | not now, the scan last week showed some changes though | yes
current_lung_inflammation | no not now but the ct showed possible pneumonitis | yes
current_lung_inflammation | stopped coughing, scan was clear | no
heart_or_stroke_uncontrolled | stopped smoking, heart is fine | no
unhealed_wound_or_fracture | the wound stopped weeping but still open | yes
unhealed_wound_or_fracture | stopped healing, its open again | yes
metastatic_chemo | chemo before her op, nothing since it spread | no
metastatic_chemo | chemo years ago, not since it came back | no
metastatic_chemo | since the mets were found only letrozole | no
metastatic_chemo | nothing since it spread, she is on xeloda now | none
metastatic_chemo | no chemo since it came back, only radiotherapy | no
metastatic_chemo | chemo since it spread | yes
metastatic_chemo | not since it spread, but they are starting paclitaxel next week | no
metastatic_chemo | had chemo after it came back, nothing since it spread to the liver | yes
metastatic_chemo | chemo in 2019, nothing since it came back until this month, now on capecitabine | yes
metastatic_chemo | nothing since it came back apart from the xeloda tablets | yes
metastatic_chemo | only hormone pills since it spread, chemo before that | no
metastatic_chemo | since it spread only capecitabine | yes
metastatic_chemo | after it came back they gave her only ribociclib, no chemo | no
metastatic_chemo | not since it spread except one round of taxol | yes
progression_on_scan | markers went up but the scan was fine | no
progression_on_scan | nope, scans have been ok | no
progression_on_scan | the scan was fine in june, but grew since | yes
progression_on_scan | partial response | no
progression_on_scan | partial response at first, then it progressed | yes
progression_on_scan | ct was stable, but the pet showed new spots | yes
progression_on_scan | the scan looked ok to me but the doctor wants to change treatment | none
progression_on_scan | mri was clear, ct shows liver lesions bigger | yes
progression_on_scan | scans ok till the last one | yes
progression_on_scan | scan came back fine, but they found more in the bone scan | yes
progression_on_scan | pet was stable, bone scan showed a new one | yes
progression_on_scan | the scan was fine they said but I'm not so sure | not_sure
autoimmune_disease | only hypothyroid on thyroxine, no other autoimmune | no
autoimmune_disease | underactive thyroid on pills, never any lupus or anything | no
autoimmune_disease | hypothyroid on thyroxine, no other apart from psoriasis | yes
autoimmune_disease | thyroid pills, nothing else until the rheumatoid arthritis started last year | yes
autoimmune_disease | hashimotos on thyroxine but also have crohns | yes
autoimmune_disease | no lupus, just hashimoto's that needs thyroxine | no
autoimmune_disease | type 1 diabetes on insulin, no other | no
autoimmune_disease | type 1 diabetes but sugars all over the place even on insulin | yes
autoimmune_disease | hypothyroid, thyroxine not working, levels still off | none
days_since_major_surgery | a needle biopsy, no operations ever | never
days_since_major_surgery | no other operation except a mastectomy in 2023 | d1000-1100
antibody_allergy | only allergic to sulfa antibiotics | no
antibody_allergy | allergic to penicillin | no
antibody_allergy | allergic to antibiotics, rash all over | no
antibody_allergy | reaction to rituximab, fever and rash | yes
antibody_allergy_severe | only allergic to sulfa antibiotics | no
tissue_sample | wouldn't say no to that | yes
tissue_sample | I wouldnt say no but I need to ask my husband first | not_sure
tissue_sample | i would not say no if it helps others | yes
dialysis | yes, sorry, misread, no | no
dialysis | no sorry misread yes | yes
dialysis | no, my bad, typo, yes he does | yes
organ_transplant | I don't really know | not_sure
organ_transplant | I dont really know if a stem cell counts, he had one in 2015 | none
immunodeficiency | they are checking for HIV, results next week | not_sure
immunodeficiency | results due friday | not_sure
immunodeficiency | no, results came back clear last week | no
immunodeficiency | no diagnosis yet | not_sure
immunodeficiency | no diagnosis yet of anything like that, just tired | not_sure
transplant_waiting | they're doing tests to see if he can get a kidney | yes
infection_last_2_weeks | in the past 2 weeks a chest infection, antibiotics | yes
infection_last_2_weeks | not in the past two weeks | no
infection_last_2_weeks | in the past, yes, but not recently | no
lung_disease_3_months | in the past few months, yes, copd flare | yes
npc_recurrent_metastatic | it's not that it hasn't spread, it has | yes
npc_recurrent_metastatic | mets in the liver | yes
npc_recurrent_metastatic | they are checking for mets | not_sure
npc_recurrent_metastatic | no mets | no
npc_recurrent_metastatic | no mets as yet, but recurrence in the neck confirmed | yes
iv_or_swallowing_problem | no probs swallowing | no
iv_or_swallowing_problem | no probs swallowing but my veins are awful | yes
hr_status | pos | positive
hr_status | triple neg | negative
hr_status | ER +ve PR -ve | positive
hr_status | ER -ve, PR +ve | positive
hr_status | tnbc | negative
hr_status | neg for her2, hormone +ve | positive
hr_status | not triple neg, er pos | positive
hr_status | hormone receptive | positive
hr_status | pos or neg, can't remember | not_sure
age | will be 60 next month, so 59 | 59
age | I'm 51, diagnosed at 49 | 51
age | diagnosed at 49, now 51 | 51
age | she turned 70 in june, diagnosed 65 | 70
age | 62, since 58 with cancer | 62
age | diagnosed at 45, 4 years ago | 49
age | will be 60 next month so nearly 60 | 59
age | diagnosed 2 years ago at 54 | 56
age | since 2 years ago, I'm 40 | 40
last_treatment_days | no treatment at the moment, last was chemo 6 weeks ago | d35-49
last_treatment_days | not on anything now, last one was radiotherapy in september | d60-100
last_treatment_days | nothing at the moment, last treatment was surgery 2 years ago | d600-800
days_since_chemotherapy | the last cycle of GP was 14/11 | d23-23
days_since_chemotherapy | ended june | d150-190
days_since_chemotherapy | last chemo march | d250-285
days_since_chemotherapy | last chemo may | none
days_since_chemotherapy | finished august | d95-130
days_since_chemotherapy | started chemo in june, still on it | d0-14
days_since_chemotherapy | chemo started march | d0-14
days_since_chemotherapy | 2026/11/01 | d36-36
days_since_chemotherapy | 2026.10.05 | d63-63
days_since_chemotherapy | 6 cycles of chemo, last was 2 weeks ago | d12-16
days_since_chemotherapy | the friday before last | d10-10
days_since_chemotherapy | week before last, on the wednesday | d12-12
days_since_chemotherapy | monday before last | d7-14
days_since_chemotherapy | done completed june | d150-190
days_since_steroids | till may | d190-221
npc_recent_medicines | IV antibiotics in September, nothing since | no
npc_recent_medicines | prednisolone in the past 4 weeks | yes
npc_recent_medicines | dexamethasone 3 weeks ago, nothing since | yes
breast_recent_screen | an infection in october, nothing since | no
breast_recent_screen | biopsy in november, nothing since | yes
immunodeficiency | I have HIV, viral load results due next week | yes
immunodeficiency | yes HIV positive since 2010, results next week for cd4 | yes
immunodeficiency | they are checking him for HIV but he already has CVID | yes
immunodeficiency | no diagnosis yet but they think it is CVID | not_sure
organ_transplant | I don't really know what you mean, but no, never | no
organ_transplant | I don't really know why you ask, he had a kidney transplant in 2010 | yes
organ_transplant | don't really remember, maybe | not_sure
dialysis | yes, sorry, misread, no he doesn't | no
dialysis | no... sorry misread. yes 3 times a week | yes
tissue_sample | wouldn't say no, but I'd rather not have another biopsy | none
tissue_sample | i wouldn't say no to money but no to the biopsy | none
infection_last_2_weeks | in the past year yes, not the past 2 weeks | no
infection_last_2_weeks | within the past 14 days a uti, on nitrofurantoin | yes
pregnant_or_breastfeeding | stopped breastfeeding in june, not pregnant | no
pregnant_or_breastfeeding | not pregnant, stopped breastfeeding last week | no
pregnant_or_breastfeeding | stopped breastfeeding 2 days ago, might be pregnant | not_sure
pregnant_or_breastfeeding | I stopped breastfeeding but I am pregnant | yes
current_lung_inflammation | not now | no
current_lung_inflammation | not now but had pneumonitis last month still on steroids | yes
unhealed_wound_or_fracture | cut healing well | no
unhealed_wound_or_fracture | surgical wound healing nicely, no problems | no
unhealed_wound_or_fracture | it's healing nicely but the fracture in my rib is still not healed | yes
unhealed_wound_or_fracture | healing fine then it opened up again | yes
unhealed_wound_or_fracture | healing well, though slow | none
active_brain_metastases | not treated | yes
active_brain_metastases | nothing there, not treated for brain | no
active_brain_metastases | never been treated for that because never had it | no
active_brain_metastases | not spread to the brain, so not treated | no
active_hepatitis_b_or_c | had the hep b vaccine, hep c never tested | not_sure
active_hepatitis_b_or_c | had the vaccine, never infected but now my liver tests are high | not_sure
active_hepatitis_b_or_c | hep b vaccine, never had hepatitis | no
active_hepatitis_b_or_c | vaccinated for hep b, I have never had hep b or c | no
effusion_drainage | drained once, not again since, there's a catheter in now | yes
effusion_drainage | drained it once last year, not needed since | no
effusion_drainage | drained once in may, it has not come back | no
progression_on_scan | scan fine, but the next one showed growth | yes
progression_on_scan | the ct was clear, another scan next month | no
progression_on_scan | the scan was stable, marker went up though | no
progression_on_scan | scan was fine but they found new spots on the pet | yes
progression_on_scan | ct came back ok, the mri showed another lesion | yes
days_since_chemotherapy | chemo began june | none
days_since_chemotherapy | last chemo june | d155-190
age | diagnosed at 45, 4 years ago | 49
age | diagnosed at 60, 2 years back | 62
age | first diagnosed at 38, 10 months ago | 38
age | I'm 57, diagnosed 3 years ago at 54 | 57
antibody_allergy | antibiotics | no
antibody_allergy | allergic to antibodies, rash with rituximab | yes
antibody_allergy | allergic to the antibody drug, not antibiotics | yes
antibody_allergy | only allergic to penicillin and other antibiotics | no
heart_or_stroke_uncontrolled | had a stroke, now recovered, bp under control with pills | not_sure
heart_or_stroke_uncontrolled | blood pressure under control with pills, nothing else | no
heart_or_stroke_uncontrolled | heart failure, blood pressure under control | not_sure
heart_or_stroke_uncontrolled | stopped the heart pills because my heart is fine now | no
heart_or_stroke_uncontrolled | stopped the heart pills, my af is all over the place | yes
active_tuberculosis | nothing since the treatment in 2015 | no
active_tuberculosis | nothing since, but latent tb found on the blood test last month | yes
active_tuberculosis | not active now? | none
active_tuberculosis | clear now but they want to repeat the xray | not_sure
active_tuberculosis | nothing active now but I have a cough and night sweats, they're testing | not_sure
liver_disease | hep b, nothing active now, on entecavir | no
liver_disease | cirrhosis, nothing active now | yes
meningeal_or_active_brain_spread | brain mets, nothing active now, but the lining has cancer cells | yes
meningeal_or_active_brain_spread | none now, the spots were zapped and are gone | no
npc_health_screen | only high blood pressure which is not on the list, and hep b | yes
npc_health_screen | gout, which isn't in the list | no
npc_health_screen | asthma but not in the list, and a lung scarring | yes
npc_health_screen | diabetes, not from the list, nor anything else | no
npc_recent_medicines | nothing on the list, only hydrocortisone cream | no
npc_recent_medicines | IV antibiotics in September, nothing since | no
npc_recent_medicines | dexamethasone till 3 weeks ago, nothing since | yes
npc_recent_medicines | prednisone in october, nothing since, oh and a flu shot last week | no
breast_recent_screen | operation in august, nothing since | no
breast_recent_screen | a UTI in the past 2 weeks | yes
last_treatment_days | not having anything at the moment, last one was 3 weeks ago | d18-24
last_treatment_days | nothing now, last was the op in may | d190-221
last_treatment_days | not right now, last dose was yesterday | d1-1
last_treatment_days | no chemo now, last was radiotherapy 10 days ago | d9-11
autoimmune_disease | a needle biopsy, no operations ever | none
autoimmune_disease | underactive thyroid on pills, no other | no
autoimmune_disease | underactive thyroid, thyroxine, no lupus, but I do have psoriasis | yes
autoimmune_disease | hypothyroid but my levels are all over the place even on thyroxine | none
days_since_major_surgery | a port put in, never any big operation | never
days_since_major_surgery | port insertion, no operations ever until my mastectomy in june | d155-190
days_since_radiotherapy | no other radiation except the course to the neck in 2024 | none
days_since_radiotherapy | short course to the spine for pain, no other radiation ever | never
days_since_radiotherapy | a short course to a bone for pain last month, no other radiation apart from the breast in 2022 | d1400-1500
age | he'll be 70 next week, so 69 | 69
age | will turn 45 in june, so 44 now | 44
age | will be 60, so 50 | none
age | 51, started at 50 | 51
age | since 40 I've had it, I'm 48 now | 48
age | diagnosed at 33 | none
age | she was 70 when diagnosed, now 72 | 72
age | just turned 60 | 60
hr_status | ER pos PR neg | positive
hr_status | pos for her2 only, hormone neg | negative
hr_status | not pos | none
hr_status | er +ve | positive
hr_status | neg | negative
days_since_chemotherapy | finished chemo in june | d155-190
days_since_chemotherapy | last cycle of FEC was 21/10 | d47-47
days_since_chemotherapy | 6 cycles of TC, the last on 3/11 | d34-34
days_since_chemotherapy | 2025/12/01 | d371-371
days_since_chemotherapy | stopped early october | d55-70
days_since_chemotherapy | paclitaxel done, ended october | d37-67
heart_or_stroke_uncontrolled | yes, well controlled | none
heart_or_stroke_uncontrolled | yes, af, not well controlled | yes
heart_or_stroke_uncontrolled | yes but controlled now on bisoprolol | none
heart_or_stroke_uncontrolled | yes its poorly controlled | yes
liver_disease | yes hep b, well controlled on tablets | none
liver_disease | yes, hepatitis b not well controlled | yes
liver_disease | hep c, cured | no
unhealed_wound_or_fracture | yes, healed | none
unhealed_wound_or_fracture | yes, one not healed on my foot | yes
unhealed_wound_or_fracture | yes it has healed now | none
unhealed_wound_or_fracture | yess healed | none
unhealed_wound_or_fracture | ya, not yet healed | yes
breast_advanced_unresectable | no surgery, it is inoperable | yes
breast_advanced_unresectable | no, surgery is fine | no
breast_advanced_unresectable | not surgery, chemo first to shrink it then operation | none
breast_advanced_unresectable | no surgeries yet | none
substance_or_psychiatric | yes, I can stop anytime | none
substance_or_psychiatric | wouldn't say no to a glass of wine, no problem with it | no
metastatic_chemo | chemo before the op in 2021. since it came back, just tamoxifen and then letrozole | no
metastatic_chemo | nothing since it relapsed, only radiation to the hip | no
metastatic_chemo | not since it went to the liver, before that yes, docetaxel | none
metastatic_chemo | no chemo since it spread but she is on the xeloda tablets | yes
metastatic_chemo | after it came back she had 6 rounds of taxol, nothing since | yes
metastatic_chemo | taxol since it came back, nothing else | yes
metastatic_chemo | since it came back? no, just hormone pills | no
metastatic_chemo | once it spread, only kadcyla, which is not chemo right? | none
effusion_drainage | drained only once, not again since, knock on wood | no
effusion_drainage | once drained, never again, fluid came back though | yes
effusion_drainage | drained once and it came back twice more | yes
effusion_drainage | no need to drain it, it's not much fluid | no
effusion_drainage | no need to drain now but they drain it every few weeks | yes
npc_recurrent_metastatic | it's not that it hasn't come back, it has, in the neck nodes | yes
npc_recurrent_metastatic | its not like it hasnt spread, they found lung spots | yes
npc_recurrent_metastatic | not that it has spread no | no
dialysis | yes wait no, I misread | no
dialysis | no, my mistake, yes dialysis 3 times a week | yes
dialysis | yes. sorry wrong button | none
infection_last_2_weeks | in the past, had pneumonia | no
infection_last_2_weeks | during the past week, a chest infection treated with amoxicillin | yes
infection_last_2_weeks | over the past few days a cold, no medicine | no
lung_disease_3_months | in the past 3 months no | no
days_since_chemotherapy | wednesday before last | d12-12
days_since_chemotherapy | the week before last, on the friday | d10-10
days_since_chemotherapy | last saturday | d2-2
antibody_allergy | amoxicillin gave me a rash | no
antibody_allergy_severe | bad reaction to herceptin, could not breathe | yes
antibody_allergy_severe | anaphylaxis to amoxicillin and also to rituximab | yes
antibody_allergy | rash with penicillin, and hives with trastuzumab | yes
"""

# Wrong readings the probe found that are older than round 7 and not fixed here (see the round's report).
KNOWN_OLDER = """
antibody_allergy_severe | bad reaction to amoxicillin, had to go to A&E | no
antibody_allergy_severe | severe reaction to penicillin | no
days_since_minor_surgery | a needle biopsy, no operations ever | none
days_since_minor_surgery | had a biopsy, never had an operation | none
unhealed_wound_or_fracture | wound healing fine, bone not yet | yes
progression_on_scan | last scan showed it shrinking, the one before showed progression | yes
npc_recurrent_metastatic | it's not that it has spread, it just hasn't gone | none
days_since_steroids | till may I think | not_sure
days_since_steroids | ended in feb, restarted last week | d0-10
days_since_chemotherapy | chemo since april | d0-14
"""


def _rows(table: str):
    return [tuple(part.strip() for part in line.split(" | ")) for line in table.strip().splitlines()]


def _is_wrong(reading, expected: str) -> bool:
    value = used(reading)
    if expected == "none":
        return value is not None
    if value is None:
        return False
    value = getattr(value, "value", value)
    if expected.startswith("d"):
        low, high = map(int, expected[1:].split("-"))
        try:
            return not low <= int(Decimal(str(value))) <= high
        except Exception:
            return True
    try:
        return Decimal(str(value)) != Decimal(expected)
    except Exception:
        return str(value).lower() != expected.lower()


@pytest.mark.parametrize("question, text, expected", _rows(PROBES))
def test_no_wrong_reading(reader, questions, question, text, expected):
    reading = read(reader, questions, question, text)
    assert not _is_wrong(reading, expected), (reading.value, reading.confidence)


@pytest.mark.xfail(strict=True, reason="older than round 7; left for a later round (strict: a fix shows up here)")
@pytest.mark.parametrize("question, text, expected", _rows(KNOWN_OLDER))
def test_known_older_wrong_readings(reader, questions, question, text, expected):
    assert not _is_wrong(read(reader, questions, question, text), expected)


# --- the fixes, each with the outcome it must have ----------------------------------------------------------
@pytest.mark.parametrize("text", ["not treated yet", "not treated", "no treatment for it yet, waiting for gamma knife next week"])
def test_the_questions_un_word_alone_is_checked_as_a_yes(reader, questions, text):
    reading = read(reader, questions, "active_brain_metastases", text)
    assert reading.value == YES and asked_again(reading)


@pytest.mark.parametrize("text", ["allergic to antibiotics", "only allergic to sulfa antibiotics", "antibiotics"])
def test_antibiotics_are_not_antibodies(reader, questions, text):
    assert used(read(reader, questions, "antibody_allergy", text)) in (None, NO)


def test_antibodies_are_still_antibodies(reader, questions):
    assert used(read(reader, questions, "antibody_allergy", "allergic to antibodies, rash with rituximab")) == YES


@pytest.mark.parametrize("question, text, expected", [
    ("pregnant_or_breastfeeding", "I stopped breastfeeding last year", NO),
    ("pregnant_or_breastfeeding", "not pregnant, stopped breastfeeding last week", NO),
    ("effusion_drainage", "drained once in may, it has not come back", NO),
    ("progression_on_scan", "markers went up but the scan was fine", NO),
    ("progression_on_scan", "the scan was stable, marker went up though", NO),
    ("unhealed_wound_or_fracture", "the cut on her arm is healing nicely", NO),
    ("active_hepatitis_b_or_c", "I had the hep B vaccine, never been infected", NO),
    ("age", "I'm 51, diagnosed at 49", Decimal(51)),
])
def test_the_narrowed_rules_keep_their_gains(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


@pytest.mark.parametrize("text", [
    "no operation planned, the doctor said its too big",
    "no op possible, it is stuck to the chest wall",
    "not a surgery candidate according to the surgeon",
])
def test_a_denial_of_what_cannot_be_done_is_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "breast_advanced_unresectable", text))


@pytest.mark.parametrize("text, expected", [
    ("no spread, surgery booked for january", NO),
    ("surgeon said it cant be removed", YES),
])
def test_the_cannot_subject_rule_leaves_plain_answers(reader, questions, text, expected):
    assert used(read(reader, questions, "breast_advanced_unresectable", text)) in (expected, None)


@pytest.mark.parametrize("question, text", [
    ("npc_health_screen", "none of the rest, only my brain mets"),
    ("npc_health_screen", "none of the others, just hiv"),
    ("breast_health_screen", "nothing of the others, only fluid around the lungs"),
])
def test_the_others_denied_then_one_line_named_is_checked(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


@pytest.mark.parametrize("text, expected", [
    ("dad", "caregiver"), ("wife", "caregiver"), ("my dad is next to me", "caregiver"),
    ("I'm the one with breast cancer", "self"), ("I'm the one with the questions, it's for my mum", "caregiver"),
    ("mum and me", None),
])
def test_who_answers(reader, text, expected):
    voice = reader.read_voice(text)
    assert getattr(voice, "value", voice) == expected


def test_the_others_denied_alone_is_a_no(reader, questions):
    assert used(read(reader, questions, "npc_health_screen", "none of the others")) == NO


@pytest.mark.parametrize("question, text", [
    ("substance_or_psychiatric", "yes, I can stop anytime"),
    ("substance_or_psychiatric", "yeah i drink but i can easily stop"),
    ("unhealed_wound_or_fracture", "yess healed"),
])
def test_a_yes_that_says_what_the_question_negates_is_checked(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


@pytest.mark.parametrize("question, text, expected", [
    ("substance_or_psychiatric", "yes, I drink and I cannot stop", YES),
    ("substance_or_psychiatric", "yes, can't stop drinking", YES),
])
def test_a_yes_with_the_negation_itself_stays_a_yes(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) in (expected, None)


@pytest.mark.parametrize("text", ["no surgeries yet", "no surgery", "not an operation"])
def test_a_short_denial_of_the_surgery_is_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "breast_advanced_unresectable", text))


@pytest.mark.parametrize("text", ["yes. sorry wrong button", "no, sorry, misread", "yes oops my mistake"])
def test_an_answer_taken_back_at_the_end_is_asked_again(reader, questions, text):
    assert asked_again(read(reader, questions, "dialysis", text))


@pytest.mark.parametrize("text, expected", [("yes wait no, I misread", NO), ("no, my mistake, yes dialysis 3 times a week", YES)])
def test_a_slip_then_the_answer_is_the_answer(reader, questions, text, expected):
    assert used(read(reader, questions, "dialysis", text)) in (expected, None)


@pytest.mark.parametrize("text", ["its not like it hasnt spread, they found lung spots",
                                  "it's not as if it hasn't come back, it has"])
def test_a_negation_of_a_negation_with_like_is_checked(reader, questions, text):
    reading = read(reader, questions, "npc_recurrent_metastatic", text)
    assert used(reading) != NO and asked_again(reading)
