"""Words a statistical question may hold without changing what it asks: function words, the framing
of a written question ("Kan de minister meedelen…", "Graag een overzicht"), and verbs that only
carry a measure ("werden ingediend", "waren ingeschreven"). Any other word must be read as a
catalog term, a period or a reference back; otherwise the reader reports it as not understood.

Keep this list to words that cannot narrow a count: "niet", "geen", "zonder", "ouder" and the like
are deliberately absent.
"""

from __future__ import annotations

import re

FILLER_NL = """
de het een der des den 't en of als dan dat die dit deze wat welk welke wie waar waarin waarvan hoe hoeveel hoeveelheid
in op aan bij van voor met uit naar tot om over door tijdens per binnen via te ter onder tussen naast
er is zijn was waren werd werden wordt worden zal zullen zou zouden kan kon konden kunnen heeft hebben had hadden
ben bent word hebt is geweest geworden
ook nog al reeds even telkens respectievelijk eventueel eveneens daarbij hierbij telkens alsook alsmede
u uw mij mijn ik we wij ons onze jullie hun hen hij zij ze zich haar hem
graag gelieve kan kunt mag moge vriendelijk vriendelijke verzoek
minister ministers minister-president staatssecretaris meedelen mededelen meedeelt geven geeft bezorgen bezorgt verschaffen
toelichten toelichting verduidelijken preciseren aangeven aangeeft weergeven vermelden vermeld laten weten weet
overzicht overzichten opdeling opsplitsing opgesplitst uitsplitsing uitgesplitst opgedeeld verdeling verdeeld detail gedetailleerd
cijfer cijfers gegevens data statistiek statistieken aantallen totaal totale telling stand evolutie evolueerde evolueren
ontwikkeling verloop tabel lijst stand situatie
telde telden telt tellen teldde geteld
ingediend ingediende indiende indienden dienden dient in geregistreerd geregistreerde registreerde registreerden registratie
ingeschreven inschreven inschrijving inschrijvingen aangemeld aangemelde meldden ingestroomd
genomen nam namen neemt nemen afgeleverd gestart opgestart startten gestarte liepen lopen gelopen georganiseerd organiseerde
volgden volgde gevolgd volgen volgt deelnamen deelgenomen namen deel deelname kregen kreeg gekregen krijgen
gevonden vonden vond vinden kwamen kwam gekomen terechtgekomen terechtkwamen geraakt gingen ging gegaan zaten zit zitten
bedroeg bedraagt bedragen bedroegen lag ligt liggen hadden hebben hielden bleven bleef gebleven
personen persoon mensen mens individuen deelnemers betrokkenen gevallen
jaar jaren maand maanden kalenderjaar periode datum dag moment peildatum
gemiddeld gemiddelde ongeveer circa
vlaanderen vlaamse vlaams belgie belgische land gewest vlaamse gewest
precies exact juist concreet concrete
sprake hierover daarover daaromtrent betreffende inzake omtrent rond
ingevolge nadat na waarna toen sindsdien terecht ontving ontvingen ontvangen
alleen enkel uitsluitend nu maar ook nog eens wat zit geef geeft graag toon toont
stonden stond staan staat opgetekend genoteerd noteerde noteerden respectievelijk telkens je jij jou opsplitsen uitsplitsen opdelen
loop zelfde dezelfde hetzelfde vraag vragen kon kun dus maandstatistiek maandstatistieken jaarstatistiek
hoog hoe hoge groot grote lang
vielen viel vallen maakten maakt maken deden deed doen gedaan doet geworden werd verklaarden verklaarde afkomstig trajecten traject dossiers dossier
asielprocedure asielprocedures procedure
"""

FILLER_FR = """
le la les l un une des du de d au aux en et ou a dans sur pour par avec sans que qui quel quelle quels quelles combien
est sont etait etaient ete a ont avait avaient sera seront peut pourrait pouvez pourriez
il ils elle elles on se s leur leurs son sa ses vous votre vos nous notre nos
ministre secretaire etat pouvez-vous pourriez-vous communiquer indiquer preciser donner merci ventiler ventilation repartition
detail chiffres chiffre donnees statistiques nombre total evolution apercu
introduites introduit enregistres enregistrees enregistre inscrits inscrites inscrit prises pris prise
ont-ils a-t-il a-t-elle etait-il
personnes personne annee annees mois periode cours inclus
belgique flandre flamande flamand
ete combien aupres souhaitee souhaite seulement uniquement maintenant aussi meme question sans ventilation
comptait comptaient compte comptent compter comptabilise comptabilises suivi suivie suivis suivies participe participes participaient
"""

FILLER_EN = """
the a an of in on at to for by with from and or as is are was were be been being has have had do does did
how what which who many much number numbers total figure figures data statistics please break down breakdown overview
registered lodged submitted took taken take part started start held
could would you can tell give break down by without breakdown same question again same
people persons person year years month months period during
belgium flanders flemish
there their its it this these those that only now also about what
"""

FILLER = frozenset((FILLER_NL + FILLER_FR + FILLER_EN).split())

# Words that refer back to what an earlier sub-question (or the previous turn) counted.
REFERS_BACK = re.compile(
    r"(?<![\w])(?:van hen|onder hen|daarvan|hiervan|daarvan waren|van deze (?:personen|aanvragers|verzoekers|werkzoekenden|asielzoekers|mensen|groep)"
    r"|deze (?:personen|aanvragers|verzoekers|werkzoekenden|asielzoekers|mensen|groep|jongeren|vrouwen|mannen)"
    r"|die (?:personen|aanvragers|verzoekers|werkzoekenden|asielzoekers|mensen)|zij|de betrokkenen|dezelfde groep"
    r"|(?:van|onder|bij) (?:deze|die|diezelfde|dezelfde)|deze"
    r"|d'entre eux|parmi eux|parmi ceux-ci|ces personnes|ces demandeurs|of them|of these|among them|these people)(?![\w])"
)

# Back-references that name no group themselves ("daarvan", "van hen"), and a share of cases defined elsewhere ("In
# hoeveel gevallen ging het om asielzoekers?"): without an earlier question to refer to, what they count is not known.
BARE_BACK = re.compile(r"(?<![\w])(?:van hen|onder hen|daarvan|hiervan|daarvan waren|zij|de betrokkenen|dezelfde groep|"
                       r"d'entre eux|parmi eux|parmi ceux-ci|of them|among them)(?![\w])")
CASES_OF = re.compile(r"(?<![\w])(?:in hoeveel (?:van de |van die |van deze )?(?:gevallen|dossiers|zaken)|dans combien de cas|in how many cases)(?![\w])")

# A time named elsewhere, which the sub-question's own words do not say: since then ("sindsdien") ...
SINCE_THEN = re.compile(r"(?<![\w])(?:sindsdien|sedertdien|sinds dan|sinds toen|depuis lors|since then)(?![\w])")
# ... or at that time ("toen"): the earlier question's period when there is one.
AT_THAT_TIME = re.compile(r"(?<![\w])(?:toen|op dat moment|a ce moment-la|a ce moment|at that time|back then)(?![\w])")

# Words that take the period of the previous question or turn.
SAME_PERIOD = re.compile(r"(?<![\w])(?:(?:in |voor |over )?(?:datzelfde|hetzelfde|dat|dit|die) jaar|(?:in |voor |over )?(?:dezelfde|diezelfde|die) periode"
                         r"|la meme annee|cette annee-la|that year|the same year)(?![\w])")

# Words that only make sense against the previous question or turn: the follow-up rules read them.
CONTEXT_WORDS = re.compile(
    r"(?<![\w])(?:(?:en |voor |in )?het jaar (?:ervoor|daarvoor|erna|daarna|voordien)|het vorige jaar|een jaar (?:eerder|later)"
    r"|l'annee (?:precedente|suivante)|the (?:year before|previous year|year after|following year)"
    r"|zonder (?:opdeling|opsplitsing|uitsplitsing)|(?:alleen |enkel )?het totaal|in totaal|in het algemeen|algemeen|in de loop van"
    r"|without (?:the )?breakdown|sans ventilation"
    r"|(?:in )?(?:datzelfde|hetzelfde|dat|dit) jaar|(?:in |voor |over )?(?:dezelfde|diezelfde|die|deze) periode|nadien|achteraf"
    r"|(?:au cours de )?la meme periode|the same period|that year|without breakdown)(?![\w])"
)

WORD = re.compile(r"[a-z0-9]+")


def is_filler(word: str) -> bool:
    return word in FILLER or len(word) == 1
