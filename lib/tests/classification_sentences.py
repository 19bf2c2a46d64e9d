"""Sentences of the kind complaints, dialogue notes and concerns hold, written for these tests,
each with the problem a coordinator would file it under."""

SENTENCES: list[tuple[str, str]] = [
    # speeding
    ("Bilarna kör alldeles för fort på Storgatan, fast det är 30 där.", "speeding"),
    ("Många håller inte hastigheten förbi förskolan på morgonen.", "speeding"),
    ("Fortkörningen på Västra Ringvägen har blivit värre sedan vägarbetet.", "speeding"),
    ("Vi önskar farthinder på Bruksgatan, bilisterna gasar upp i 70.", "speeding"),
    ("Det körs i långt över tillåten hastighet genom byn på kvällarna.", "speeding"),
    # reckless driving
    ("Buskörning med mopeder på torget varje fredagskväll.", "reckless_driving"),
    ("EPA-traktorer kör runt runt på parkeringen och varvar motorerna.", "reckless_driving"),
    ("Någon gör rivstarter och burnouts vid Ica varje natt.", "reckless_driving"),
    ("Crossmotorcyklar kör i motionsspåret och på fotbollsplanen.", "reckless_driving"),
    ("Ungdomar driftar med bilar på industriområdet och lämnar däckspår.", "reckless_driving"),
    ("Bilar som körs på ett störande sätt är ett stort problem i området.", "reckless_driving"),
    # impaired driving
    ("Jag misstänker att grannen kör bil berusad varje helg.", "impaired_driving"),
    ("Fler nykterhetskontroller behövs vid utfarten från hamnen.", "impaired_driving"),
    ("Rattfylleriet efter krogarnas stängning oroar oss.", "impaired_driving"),
    ("En påverkad förare körde i diket i natt utanför skolan.", "impaired_driving"),
    # unprotected road users
    ("Det är farligt för cyklister i rondellen vid stationen.", "unprotected_road_users"),
    ("Barnen vågar inte korsa vägen vid övergångsstället till skolan.", "unprotected_road_users"),
    ("Trottoaren är för smal, fotgängare tvingas ut i gatan.", "unprotected_road_users"),
    ("Skolvägen saknar cykelbana och känns otrygg för barnen.", "unprotected_road_users"),
    ("Bilar stannar inte för gående på Kanalgatan.", "unprotected_road_users"),
    ("Trafiken i centrum känns otrygg för oss som går och cyklar.", "unprotected_road_users"),
    # traffic accidents
    ("Det har varit flera olyckor i korsningen vid Rådhuset i år.", "traffic_accidents"),
    ("Två bilar krockade vid infarten i förra veckan.", "traffic_accidents"),
    ("En cyklist blev påkörd vid järnvägsövergången.", "traffic_accidents"),
    ("Många tillbud och nära kollisioner vid backen mot kyrkan.", "traffic_accidents"),
    # public disorder
    ("Det är bråk och skrik utanför pizzerian varje helg.", "public_disorder"),
    ("Störande oväsen från festlokalen till klockan tre på natten.", "public_disorder"),
    ("Hög musik och smällare i parken sent på kvällarna.", "public_disorder"),
    ("Stökigt på busstationen när skolan slutar.", "public_disorder"),
    # littering
    ("Det skräpar ner vid badplatsen, fimpar och ölburkar överallt.", "littering"),
    ("Nedskräpningen i Stadsparken är värre än någonsin.", "littering"),
    ("Någon dumpar sopor och gamla möbler i skogsdungen.", "littering"),
    ("Pizzakartonger och plastpåsar ligger kvar efter helgen vid torget.", "littering"),
    # vandalism
    ("Klotter på skolans vägg och på elskåpen längs gångvägen.", "vandalism"),
    ("Busskuren vid Norregatan har fått rutorna krossade igen.", "vandalism"),
    ("Skadegörelse på lekplatsen, gungorna är sönderskurna.", "vandalism"),
    ("Taggar och graffiti på nästan varje husvägg i centrum.", "vandalism"),
    ("Någon har eldat i papperskorgarna vid biblioteket.", "vandalism"),
    # people under the influence
    ("Berusade personer sitter och dricker på bänkarna vid torget.", "public_intoxication"),
    ("Ett gäng missbrukare håller till vid stationen hela dagarna.", "public_intoxication"),
    ("Folk är fulla och urinerar i portarna på lördagsnätterna.", "public_intoxication"),
    ("Personer påverkade av alkohol ofredar förbipasserande.", "public_intoxication"),
    # drug dealing
    ("Det langas knark bakom idrottshallen.", "drug_dealing"),
    ("Vi tror att det säljs narkotika från lägenheten på tredje våningen.", "drug_dealing"),
    ("Bilar stannar kort vid parkeringen och det ser ut som droghandel.", "drug_dealing"),
    ("Unga säljer cannabis vid skolans baksida.", "drug_dealing"),
    ("Sprutor hittas i sandlådan.", "drug_dealing"),
    # burglary
    ("Tre inbrott i vårt villaområde på en månad.", "burglary"),
    ("Källarförråden i huset har brutits upp flera gånger.", "burglary"),
    ("Någon bröt sig in i förskolan under helgen.", "burglary"),
    ("Lägenhetsinbrotten har ökat sedan i våras.", "burglary"),
    # theft
    ("Cykelstölderna vid stationen är ett stort problem.", "theft"),
    ("Någon stjäl diesel ur lastbilarna på natten.", "theft"),
    ("Min moped blev stulen utanför gymmet.", "theft"),
    ("Ficktjuvar på marknaden i somras.", "theft"),
    # violence
    ("En man blev misshandlad utanför krogen i lördags.", "violence"),
    ("Det förekommer hot mot personalen på biblioteket.", "violence"),
    ("Ungdomar bär kniv i skolan enligt flera föräldrar.", "violence"),
    ("Slagsmål vid nattbussen nästan varje helg.", "violence"),
    ("Min dotter blev knuffad och sparkad på väg hem.", "violence"),
    # robbery
    ("Min son blev rånad på sin mobil i gångtunneln.", "robbery"),
    ("Personrån mot ungdomar vid centralen har ökat.", "robbery"),
    ("En äldre dam fick väskan ryckt på torget.", "robbery"),
    ("Två killar tvingade honom att lämna ifrån sig jackan.", "robbery"),
    # youth gatherings and unsafe meeting places
    ("Stora grupper ungdomar samlas vid köpcentret på kvällarna.", "youth_gatherings"),
    ("Ett ungdomsgäng hänger vid stationen och folk känner sig otrygga.", "youth_gatherings"),
    ("Tonåringar samlas vid fritidsgården efter stängning.", "youth_gatherings"),
    ("Unga som hänger i trappuppgången skrämmer de äldre.", "youth_gatherings"),
    # poor lighting and physical environment
    ("Gångvägen genom parken är helt mörk, belysningen fungerar inte.", "physical_environment"),
    ("Flera gatlyktor är trasiga längs cykelvägen till Ölycke.", "physical_environment"),
    ("Buskarna vid tunneln är så höga att man inte ser vem som står där.", "physical_environment"),
    (
        "Gångtunneln under järnvägen känns otäck, dålig belysning och ingen sikt.",
        "physical_environment",
    ),
    ("Slyet vid busshållplatsen behöver röjas, det är mörkt och otryggt.", "physical_environment"),
    # fraud
    ("Min mamma blev lurad av någon som ringde och sa att han var från banken.", "fraud"),
    ("Bedragare ringer äldre och ber om BankID.", "fraud"),
    ("Falska hantverkare går runt i området och tar betalt i förskott.", "fraud"),
    ("Flera grannar har fått bluffsms om paket.", "fraud"),
]
