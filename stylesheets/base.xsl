<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/base.xsl — what every cocom document shares.

  Each document kind (report.xsl, proforma.xsl, terms-of-reference.xsl,
  ballot.xsl, mandate-summary.xsl) imports this file.  Everything that an
  organisation may want to change is an xsl:param, an xsl:attribute-set or
  a named or moded template here, so a restyle is a customisation layer
  that imports the document's stylesheet and overrides what it needs
  (the way DocBook XSL customisation layers work), never a copy:

    <xsl:stylesheet version="1.0" …>
      <xsl:import href="report.xsl"/>
      <xsl:param name="heading-color" select="'#000000'"/>
      <xsl:attribute-set name="section.heading">
        <xsl:attribute name="font-size">14pt</xsl:attribute>
      </xsl:attribute-set>
    </xsl:stylesheet>

  Contents: 1 parameters (page, type, colours, layout); 2 data and model
  texts; 3 attribute sets and 4 the FO document (both output/fo.xsl's);
  5 blanks; 6 the arrangement's inline markup and links; 7 the model
  texts (templates/, the fill mode); 8 small helpers (labels, dates,
  people, names); 9 cells and names of the shared tables (the tables, the
  membership table, the contents list and signature blocks are the
  model's: model/common.xsl, output/fo.xsl).

  Input: an arrangement (namespace urn:cocom:arrangement:1).  Output:
  XSL-FO 1.1 that cocom and Apache FOP both typeset.  Ids are looked up
  with xsl:key, never id() (doc/vocabulary.md §5).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:func="http://exslt.org/functions"
    xmlns:c="urn:cocom:functions:1"
    extension-element-prefixes="func"
    exclude-result-prefixes="a t exsl str c">

  <!-- The look: every parameter and attribute set of the FO output
       (page, type, colours, layout), shared with the model's output. -->
  <xsl:import href="output/fo.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="a:*"/>
  <xsl:preserve-space elements="a:para a:item a:cell a:heading a:subheading a:description a:recommendation a:lead-in a:paper a:mitigation a:event a:variation a:caption a:offer a:column-heading a:review a:report-of a:wards a:originating-service a:policy-context a:financial-summary a:field a:em a:strong a:link"/>

  <!-- ================================================================
       1. Parameters
       ================================================================ -->

  <!-- What to make the document for (the build plan passes these). -->
  <xsl:param name="ccg" select="''"/>          <!-- a ccg/@id -->
  <xsl:param name="committee" select="''"/>    <!-- a committee/@id -->
  <xsl:param name="report" select="''"/>       <!-- a board-report/@id -->

  <!-- Whose words the document speaks in: nhse (NHS England: proformas,
       terms of reference), lmc (the local medical committee: ballot
       papers) or council (the council: board reports).  Each document
       stylesheet sets it; templates/labels.xml and boilerplate.xml give a
       word in another issuer's voice as an attribute (or a text with
       @voice) named after it, so one table says which words each issuer
       uses (templates/README.md, "Voices"). -->
  <xsl:param name="voice" select="'nhse'"/>

  <!-- The most characters a side of the running header may have: two
       lines of half the page at the running font size, with room to
       spare for word breaks. -->
  <xsl:param name="running-head-length" select="90"/>

  <!-- Language of the document; default the arrangement's xml:lang, else en-GB. -->
  <xsl:param name="lang" select="''"/>

  <!-- Sections: a contents list when a document has at least this many. -->
  <xsl:param name="toc-min-sections" select="5"/>
  <!-- Number generated sections and paragraphs (proforma, terms of reference). -->
  <xsl:param name="number-sections" select="'yes'"/>
  <!-- Blank rows to print in a membership table that lists no members. -->
  <xsl:param name="blank-member-rows" select="4"/>

  <!-- The model texts (templates/ in the data folder), relative to this
       stylesheet. -->
  <xsl:param name="labels-file" select="'../templates/labels.xml'"/>
  <xsl:param name="boilerplate-file" select="'../templates/boilerplate.xml'"/>
  <xsl:param name="functions-file"
             select="concat('../templates/functions-', translate(/a:arrangement/@year, '/', '-'), '.xml')"/>

  <!-- ================================================================
       2. Data and model texts
       ================================================================ -->

  <xsl:key name="by-id" match="a:*[@id]" use="@id"/>

  <xsl:variable name="root" select="/a:arrangement"/>
  <xsl:variable name="labels" select="document($labels-file)/t:labels"/>
  <xsl:variable name="boilerplate" select="document($boilerplate-file)/t:boilerplate"/>
  <xsl:variable name="functions-template" select="document($functions-file)/t:functions"/>
  <!-- The year's application round (templates/README.md, "Years"): its
       national start date, deadlines, conditions and the texts that
       replace boilerplate.xml's and proforma.xml's in that year. -->
  <xsl:variable name="year-round" select="$functions-template/t:round"/>

  <xsl:variable name="doc-lang">
    <xsl:choose>
      <xsl:when test="$lang != ''"><xsl:value-of select="$lang"/></xsl:when>
      <xsl:when test="$root/@xml:lang"><xsl:value-of select="$root/@xml:lang"/></xsl:when>
      <xsl:otherwise>en-GB</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="model" select="$root/a:model"/>
  <xsl:variable name="model-kind" select="string($root/a:model/@kind)"/>
  <xsl:variable name="nhse" select="$root/a:parties/a:nhs-england"/>

  <!-- The CCG(s) and the committee this document is for: the parameters
       if given, else what they imply, else the first. -->
  <xsl:variable name="ccg-param-node" select="key('by-id', $ccg)[self::a:ccg]"/>
  <xsl:variable name="committee-param-node" select="key('by-id', $committee)[self::a:committee]"/>
  <xsl:variable name="report-node"
      select="key('by-id', $report)[self::a:board-report] | $root/a:board-report[$report = ''][1]"/>
  <xsl:variable name="the-ccgs"
      select="$ccg-param-node
            | $root/a:parties/a:ccg[not($ccg-param-node)][$committee-param-node]
                  [contains(concat(' ', $committee-param-node/@parties, ' '), concat(' ', @id, ' '))]
            | $root/a:parties/a:ccg[not($ccg-param-node) and not($committee-param-node)]"/>
  <xsl:variable name="the-ccg" select="$the-ccgs[1]"/>
  <xsl:variable name="the-committee"
      select="$committee-param-node
            | $root/a:committee[not($committee-param-node)]
                  [contains(concat(' ', @parties, ' '), concat(' ', $the-ccg/@id, ' '))][1]"/>
  <!-- How many CCGs the document's committee joins: a label's `many`
       words are for more than one. -->
  <xsl:variable name="committee-ccg-count"
      select="count($root/a:parties/a:ccg[contains(concat(' ', $the-committee/@parties, ' '), concat(' ', @id, ' '))])"/>
  <xsl:variable name="the-mandate"
      select="$root/a:mandate[@ccg = $the-ccg/@id] | $root/a:mandate[not(@ccg)][count($root/a:parties/a:ccg) = 1]"/>
  <!-- the CCG's practice ballot (its issue, closing and counting dates) -->
  <xsl:variable name="the-ballot" select="$the-mandate/a:ballot"/>
  <xsl:variable name="the-area-team"
      select="$nhse/a:area-team[@id = $the-ccg/@area-team] | $nhse/a:area-team[not($the-ccg/@area-team)][1]"/>

  <!-- The document's date, and what it can know.

       A document shows the arrangement as it stood on its own date: a
       proforma knows nothing of the deferral that followed it, a January
       ballot nothing of April's first meeting.  Every document stylesheet
       names its date by overriding the template "document-date-default"
       (the submission for a proforma, the version for terms of reference,
       the meeting for a report, the ballot's issue for ballot papers);
       the parameter as-at overrides that for any document ("what did we
       know on 1 March?").  An empty date means "no date": the document
       knows everything in the arrangement.

       Facts are dated with @date (when it happened) or, when the sources
       say only that it had happened by some day, @known-by (the date of
       the earliest source that reports it).  A fact with neither is shown
       only in an undated document (see c:known-at). -->
  <xsl:param name="as-at" select="''"/>
  <xsl:variable name="document-date">
    <xsl:choose>
      <xsl:when test="normalize-space($as-at) != ''"><xsl:value-of select="normalize-space($as-at)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="document-date-default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:template name="document-date-default"/>
  <!-- Whether the document has a date, and that date as a number
       yyyymmdd (a month counts from its first day; NaN when undated). -->
  <xsl:variable name="dated" select="normalize-space($document-date) != ''"/>
  <xsl:variable name="document-day" select="c:day($document-date)"/>

  <!-- The CCG's submission of the proforma of its model's annex (the
       first with a date). -->
  <xsl:variable name="the-submission"
      select="$root/a:application/a:submission[not(@annex) or @annex = $annex-letter][@date][1]"/>

  <!-- The date of the CCG's choice: its submission, else the deadline for
       its model (a proforma's date; a ballot paper's when the ballot has
       no issue date). -->
  <xsl:template name="application-date">
    <xsl:choose>
      <xsl:when test="$the-submission"><xsl:value-of select="$the-submission/@date"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$the-deadline/@date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The deadline for the model: the arrangement's own (a local round
       may give one), else the national one of the year's round. -->
  <xsl:variable name="the-deadline"
      select="($root/a:application/a:deadline[@model = $model-kind]
               | $year-round/t:deadline[@model = $model-kind][not($root/a:application/a:deadline[@model = $model-kind])])[1]"/>

  <!-- c:day('2015-07-29') = 20150729; c:day('2015-07') = 20150700 (known
       from the month's start: a report dated in July can speak of "July
       2015"); c:day('') = NaN. -->
  <func:function name="c:day">
    <xsl:param name="d"/>
    <xsl:variable name="s" select="translate(normalize-space($d), '-', '')"/>
    <func:result select="number(substring(concat($s, '00000000'), 1, 8))"/>
  </func:function>

  <!-- c:known-at(node) — true when the document, on its date, can know
       the dated fact at node: its @date, else its @known-by, is on or
       before the document's date.  An undated fact is known only to an
       undated document, so that nothing of unknown date is printed as
       already true. -->
  <func:function name="c:known-at">
    <xsl:param name="n"/>
    <xsl:variable name="when" select="string(($n/@date | $n/@known-by)[1])"/>
    <func:result select="not($dated)
                         or ($when != '' and c:day($when) &lt;= $document-day)"/>
  </func:function>

  <!-- c:not-later(node) — false when a structured fact carries a date
       (@date or @known-by: the date of the source that gives it) later
       than the document's; an undated structured fact stands (unlike
       c:known-at, for which an undated fact is unknown to a dated
       document). -->
  <func:function name="c:not-later">
    <xsl:param name="n"/>
    <func:result select="not($n/@date or $n/@known-by) or c:known-at($n)"/>
  </func:function>

  <!-- c:date-known(string) — true when a date (of a meeting, a vote, a
       variation) is on or before the document's date; an empty date is
       "not yet". -->
  <func:function name="c:date-known">
    <xsl:param name="d"/>
    <func:result select="not($dated)
                         or (normalize-space($d) != '' and c:day($d) &lt;= $document-day)"/>
  </func:function>

  <!-- The model's history as the document knows it, and the model's
       status on the document's date: the status of the last such event
       that names one; failing that the model's @status when the document
       has no date, else "proposed". -->
  <xsl:variable name="known-events" select="$model/a:history/a:event[c:known-at(.)]"/>
  <xsl:variable name="model-status-at">
    <xsl:choose>
      <xsl:when test="$known-events[@status]"><xsl:value-of select="$known-events[@status][last()]/@status"/></xsl:when>
      <xsl:when test="not($dated) and $model/@status"><xsl:value-of select="$model/@status"/></xsl:when>
      <xsl:otherwise>proposed</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Named conditions the model texts test with when="…" and
       unless="…" (templates/README.md).  Base conditions here; a document
       stylesheet adds its own by overriding the template
       "document-conditions". -->
  <xsl:variable name="conditions">
    <xsl:text> </xsl:text>
    <xsl:value-of select="$model-kind"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="$model/@joint-form"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="document-conditions"/>
    <xsl:for-each select="$year-round/t:condition">
      <xsl:text> </xsl:text>
      <xsl:value-of select="@name"/>
    </xsl:for-each>
    <xsl:text> </xsl:text>
  </xsl:variable>
  <xsl:template name="document-conditions"/>

  <!-- 3. The parameters and attribute sets of the look (page, type,
       colours, layout) are in output/fo.xsl, imported above. -->

  <!-- 4. The FO document (the fo:root, page masters, metadata, running
       header and footer, bookmarks) is output/fo.xsl's. -->

  <!-- ================================================================
       5. Numbered paragraphs and blanks (the FO of headings, numbered
          paragraphs and blanks is in output/fo.xsl)
       ================================================================ -->

  <!-- A visible blank (output/fo.xsl, fo-blank: length short, medium,
       long or a length; in-text yes: in a sentence, bracketed). -->
  <xsl:template name="blank">
    <xsl:param name="length" select="'short'"/>
    <xsl:param name="in-text" select="'no'"/>
    <xsl:call-template name="fo-blank">
      <xsl:with-param name="length" select="$length"/>
      <xsl:with-param name="in-text" select="$in-text"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lines to write on (output/fo.xsl, fo-blank-lines). -->
  <xsl:template name="blank-lines">
    <xsl:param name="lines" select="2"/>
    <xsl:call-template name="fo-blank-lines"><xsl:with-param name="lines" select="$lines"/></xsl:call-template>
  </xsl:template>

 

  <!-- A recommendation's label: its printed number; a bare "1" is printed "1.". -->
  <xsl:template name="recommendation-number">
    <xsl:choose>
      <xsl:when test="not(@n)"><xsl:value-of select="position()"/>.</xsl:when>
      <xsl:when test="contains(@n, '.')"><xsl:value-of select="@n"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@n"/>.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inline markup. -->
  <xsl:template match="a:em" mode="inline">
    <fo:inline font-style="italic" role="Span"><xsl:apply-templates mode="inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="a:strong" mode="inline">
    <fo:inline font-weight="bold" role="Span"><xsl:apply-templates mode="inline"/></fo:inline>
  </xsl:template>

  <xsl:template match="a:link" mode="inline">
    <xsl:call-template name="external-link">
      <xsl:with-param name="url" select="@url"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="normalize-space(.) != '' or *"><xsl:apply-templates mode="inline"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@url"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:email" mode="inline">
    <xsl:call-template name="email-link"><xsl:with-param name="address" select="normalize-space(.)"/></xsl:call-template>
  </xsl:template>

  <!-- Text: URLs and e-mail addresses written as plain text become links too. -->
  <xsl:template match="text()" mode="inline">
    <xsl:call-template name="linkify"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <!-- Elements with inline content used as a whole (heading, lead-in …). -->
  <xsl:template match="a:*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template name="external-link">
    <xsl:param name="url"/>
    <xsl:param name="content"/>
    <xsl:call-template name="fo-external-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="email-link">
    <xsl:param name="address"/>
    <xsl:call-template name="external-link">
      <xsl:with-param name="url" select="concat('mailto:', $address)"/>
      <xsl:with-param name="content" select="$address"/>
    </xsl:call-template>
  </xsl:template>

  <!-- linkify: text, with any word that is a URL or an e-mail address
       made a link.  Only texts that may hold one are split into words. -->
  <xsl:template name="linkify">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="not(contains($text, 'http://') or contains($text, 'https://') or contains($text, 'www.') or contains($text, '@'))">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="linkify-words">
          <xsl:with-param name="text" select="translate($text, '&#10;&#13;&#9;', '   ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="linkify-words">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="link-word"><xsl:with-param name="word" select="substring-before($text, ' ')"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="linkify-words"><xsl:with-param name="text" select="substring-after($text, ' ')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="link-word"><xsl:with-param name="word" select="$text"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One word: leading "(" and trailing punctuation stay outside the link. -->
  <xsl:template name="link-word">
    <xsl:param name="word"/>
    <xsl:variable name="lead" select="substring($word, 1, number(starts-with($word, '(') or starts-with($word, '&lt;')))"/>
    <xsl:variable name="rest" select="substring($word, string-length($lead) + 1)"/>
    <xsl:variable name="trail">
      <xsl:call-template name="trailing-punctuation"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="core" select="substring($rest, 1, string-length($rest) - string-length($trail))"/>
    <xsl:value-of select="$lead"/>
    <xsl:choose>
      <xsl:when test="starts-with($core, 'http://') or starts-with($core, 'https://')">
        <xsl:call-template name="external-link">
          <xsl:with-param name="url" select="$core"/>
          <xsl:with-param name="content" select="$core"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($core, 'www.') and contains(substring($core, 5), '.')">
        <xsl:call-template name="external-link">
          <xsl:with-param name="url" select="concat('http://', $core)"/>
          <xsl:with-param name="content" select="$core"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($core, '@') and contains(substring-after($core, '@'), '.')
                      and substring-before($core, '@') != '' and not(contains($core, '/'))
                      and not(contains(substring-after($core, '@'), '@'))">
        <xsl:call-template name="email-link"><xsl:with-param name="address" select="$core"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$core"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$trail"/>
  </xsl:template>

  <xsl:template name="trailing-punctuation">
    <xsl:param name="s"/>
    <xsl:variable name="last" select="substring($s, string-length($s))"/>
    <xsl:if test="$s != '' and contains('.,;:)!?&gt;&quot;', $last)">
      <xsl:call-template name="trailing-punctuation">
        <xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/>
      </xsl:call-template>
      <xsl:value-of select="$last"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       7. The model texts: templates/*.xml, mode "fill"
       ================================================================ -->

  <!-- text: a named text of templates/boilerplate.xml, filled. -->
  <xsl:template name="text">
    <xsl:param name="name"/>
    <!-- The text in the document's voice if there is one, else the
         common one. -->
    <xsl:variable name="voiced" select="$boilerplate/t:text[@name = $name][@voice = $voice]"/>
    <!-- The year's own words for it come first (templates/README.md,
         "Years"): the 2017/18 application was a checklist. -->
    <xsl:variable name="yearly" select="$year-round/t:text[@name = $name]"/>
    <xsl:apply-templates select="($yearly | $voiced[not($yearly)] | $boilerplate/t:text[@name = $name][not(@voice)][not($voiced)][not($yearly)])[1]/node()" mode="fill"/>
  </xsl:template>

  <!-- Plain string value of a filled template text (for titles, metadata). -->
  <xsl:template name="text-string">
    <xsl:param name="name"/>
    <xsl:variable name="rtf"><xsl:call-template name="text"><xsl:with-param name="name" select="$name"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="normalize-space($rtf)"/>
  </xsl:template>

  <!-- Does a template element's condition hold?  "yes" or "". -->
  <xsl:template name="holds">
    <xsl:param name="node" select="."/>
    <xsl:if test="(not($node/@when) or not(str:tokenize($node/@when, ' ')[not(contains($conditions, concat(' ', ., ' ')))]))
                  and (not($node/@unless) or not(str:tokenize($node/@unless, ' ')[contains($conditions, concat(' ', ., ' '))]))
                  and (not($node/@annex) or $node/@annex = $annex-letter)">yes</xsl:if>
  </xsl:template>

  <!-- The annex letter of the document, for annex="A|B" in templates
       (set by proforma.xsl). -->
  <xsl:variable name="annex-letter">
    <xsl:choose>
      <xsl:when test="$model-kind = 'delegated'">B</xsl:when>
      <xsl:otherwise>A</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Entry of the fill mode: an element whose condition fails gives
       nothing; otherwise it is filled by mode "fill-element". -->
  <xsl:template match="t:*" mode="fill">
    <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
    <xsl:if test="$ok = 'yes'">
      <xsl:apply-templates select="." mode="fill-element"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()" mode="fill">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="t:cite | t:em" mode="fill-element">
    <fo:inline font-style="italic" role="Span"><xsl:apply-templates mode="fill"/></fo:inline>
  </xsl:template>

  <xsl:template match="t:strong" mode="fill-element">
    <fo:inline font-weight="bold" role="Span"><xsl:apply-templates mode="fill"/></fo:inline>
  </xsl:template>

  <xsl:template match="t:blank" mode="fill-element">
    <xsl:call-template name="blank">
      <xsl:with-param name="in-text" select="'yes'"/>
      <xsl:with-param name="length">
        <xsl:choose>
          <xsl:when test="@length"><xsl:value-of select="@length"/></xsl:when>
          <xsl:otherwise>short</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A list in a model text: bulleted, or lettered (a), (b) … -->
  <xsl:template match="t:list" mode="fill-element">
    <fo:list-block xsl:use-attribute-sets="list" role="L" space-before="4pt">
      <xsl:if test="@type = 'lettered'">
        <xsl:attribute name="provisional-distance-between-starts">9mm</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="t:item">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'">
          <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
            <xsl:call-template name="list-item-keeps"/>
            <fo:list-item-label end-indent="label-end()" role="Lbl">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="../@type = 'lettered'">(<xsl:number format="a"/>)</xsl:when>
                  <xsl:otherwise><xsl:value-of select="$bullet"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="LBody">
              <fo:block role="P"><xsl:apply-templates mode="fill"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:if>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- Wrappers: their content, filled. -->
  <xsl:template match="t:*" mode="fill-element">
    <xsl:apply-templates mode="fill"/>
  </xsl:template>

  <!-- Slots common to all documents.  A document stylesheet adds more with
       templates matching t:slot[@name = '…'] in mode fill-element. -->
  <xsl:template match="t:slot[@name = 'ccg']" mode="fill-element">
    <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'year']" mode="fill-element">
    <xsl:value-of select="$root/@year"/>
  </xsl:template>

  <!-- The conflicts of interest guidance in force on the document's date:
       the last edition of the year's round published by then (an undated
       document: by 1 April of its year, when the year began).  Its title
       in italics, then "(NHS England, June 2016)". -->
  <xsl:template match="t:slot[@name = 'coi-guidance']" mode="fill-element">
    <xsl:variable name="editions" select="$year-round/t:guidance[@name = 'coi']"/>
    <xsl:variable name="day">
      <xsl:choose>
        <xsl:when test="$dated"><xsl:value-of select="$document-day"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="c:day(concat(substring($root/@year, 1, 4), '-04-01'))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="out" select="$editions[c:day(@published) &lt;= number($day)]"/>
    <xsl:variable name="g" select="($out[last()] | $editions[1][not($out)])[last()]"/>
    <xsl:choose>
      <xsl:when test="$g">
        <fo:inline font-style="italic" role="Span"><xsl:value-of select="normalize-space($g)"/></fo:inline>
        <xsl:text> (NHS England, </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="substring($g/@published, 1, 7)"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message>cocom: warning: the year's round (templates/functions-YYYY-YY.xml) names no conflicts of interest guidance (guidance name="coi")</xsl:message>
        <xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'nhse']" mode="fill-element">
    <xsl:value-of select="$nhse/a:name"/>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'area-team']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$the-area-team"><xsl:value-of select="$the-area-team/a:name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$nhse/a:name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'committee']" mode="fill-element">
    <xsl:value-of select="normalize-space($the-committee/a:name)"/>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'model']" mode="fill-element">
    <xsl:call-template name="label">
      <xsl:with-param name="set" select="'model'"/>
      <xsl:with-param name="value" select="$model-kind"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'start-date']" mode="fill-element">
    <xsl:choose>
      <xsl:when test="$model/@start-date">
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="$model/@start-date"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'board']" mode="fill-element">
    <xsl:variable name="board" select="$root/a:parties/a:health-and-wellbeing-board[@id = $report-node/@board]"/>
    <xsl:value-of select="$board/a:name"/>
    <xsl:variable name="council" select="$root/a:parties/a:council[@id = $board/@council]"/>
    <xsl:if test="$council">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="$council/a:name"/>
    </xsl:if>
  </xsl:template>

  <!-- An unknown slot: a visible blank, and a warning for the author. -->
  <xsl:template match="t:slot" mode="fill-element">
    <xsl:message>cocom: the model text has a slot "<xsl:value-of select="@name"/>" this document cannot fill; it is printed blank</xsl:message>
    <xsl:call-template name="blank"><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       8. Helpers
       ================================================================ -->

  <!-- label: the printed word for an enumeration value (templates/labels.xml). -->
  <xsl:template name="label">
    <xsl:param name="set"/>
    <xsl:param name="value"/>
    <xsl:param name="attribute" select="''"/>
    <xsl:variable name="l" select="$labels/t:set[@name = $set]/t:label[@value = $value]"/>
    <xsl:choose>
      <xsl:when test="$l and $attribute != ''"><xsl:value-of select="$l/@*[local-name() = $attribute]"/></xsl:when>
      <xsl:when test="$l/@many and $committee-ccg-count &gt; 1"><xsl:value-of select="$l/@many"/></xsl:when>
      <xsl:when test="$l/@*[local-name() = $voice]"><xsl:value-of select="$l/@*[local-name() = $voice]"/></xsl:when>
      <xsl:when test="$l"><xsl:value-of select="$l"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Upper-case the first letter. -->
  <xsl:template name="capitalise">
    <xsl:param name="s"/>
    <xsl:value-of select="concat(translate(substring($s, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), substring($s, 2))"/>
  </xsl:template>

  <!-- When an event happened: its date; else "By" and the date of the
       earliest source that reports it (@known-by). -->
  <xsl:template name="event-date">
    <xsl:choose>
      <xsl:when test="@date">
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'known-by'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@known-by"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- format-date: 2015-07-29 → 29 July 2015; 2015-01 → January 2015. -->
  <xsl:template name="format-date">
    <xsl:param name="date"/>
    <xsl:variable name="d" select="normalize-space($date)"/>
    <xsl:variable name="month">
      <xsl:call-template name="label">
        <xsl:with-param name="set" select="'month'"/>
        <xsl:with-param name="value" select="substring($d, 6, 2)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string-length($d) = 10 and substring($d, 5, 1) = '-'">
        <xsl:value-of select="concat(number(substring($d, 9, 2)), ' ', $month, ' ', substring($d, 1, 4))"/>
      </xsl:when>
      <xsl:when test="string-length($d) = 7 and substring($d, 5, 1) = '-'">
        <xsl:value-of select="concat($month, ' ', substring($d, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date, or a visible blank when there is none (in-text: as for blank). -->
  <xsl:template name="date-or-blank">
    <xsl:param name="date"/>
    <xsl:param name="in-text" select="'no'"/>
    <xsl:choose>
      <xsl:when test="normalize-space($date) != ''">
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="$date"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="in-text" select="$in-text"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- yes/no flag → "Yes"/"No", absent → a blank. -->
  <xsl:template name="yes-no">
    <xsl:param name="flag"/>
    <xsl:choose>
      <xsl:when test="string($flag) = 'yes' or string($flag) = 'no'">
        <xsl:call-template name="label">
          <xsl:with-param name="set" select="'yes-no'"/>
          <xsl:with-param name="value" select="string($flag)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lists in running text.  Every list of organisations (or of
       anything else) a document joins goes through list-separator, so
       that a list of six reads "A, B, C, D, E and F" wherever it is
       printed, never "A and B and C …".  Call it first inside the
       xsl:for-each over the items: it reads position() and last(). -->
  <xsl:template name="list-separator">
    <xsl:choose>
      <xsl:when test="position() = 1"/>
      <xsl:when test="position() = last()">
        <xsl:text> </xsl:text>
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'and'"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>, </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C" of the items of an RTF (each item an
       element whose content — text or FO inlines — is copied). -->
  <xsl:template name="join">
    <xsl:param name="items"/>
    <xsl:for-each select="exsl:node-set($items)/*">
      <xsl:call-template name="list-separator"/>
      <xsl:copy-of select="node()"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The names of the parties (or committees) a list of ids names,
       joined: "NHS Croydon CCG, NHS Kingston CCG and NHS England". -->
  <xsl:template name="party-names">
    <xsl:param name="ids"/>
    <xsl:param name="short" select="'no'"/>
    <xsl:for-each select="str:tokenize(string($ids), ' ')">
      <xsl:call-template name="list-separator"/>
      <xsl:call-template name="party-name">
        <xsl:with-param name="id" select="string(.)"/>
        <xsl:with-param name="short" select="$short"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The names of some CCGs: "A", "A and B", "A, B and C". -->
  <xsl:template name="ccg-names">
    <xsl:param name="ccgs"/>
    <xsl:param name="short" select="'no'"/>
    <xsl:for-each select="$ccgs">
      <xsl:call-template name="list-separator"/>
      <xsl:choose>
        <xsl:when test="$short = 'yes' and a:short-name"><xsl:value-of select="normalize-space(a:short-name)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(a:name)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- One side of the running header, chosen to fit by design: a head
       that overflows its region is an error (the regions say
       overflow="error-if-overflow").  running-head-length characters are
       a safe count for the side's two lines at the running font size.
       The first that fits: the full form on one line (half the count),
       the short form on one line, the full form on two lines, the short
       form on two, else the fallback.  So a long name with a short form
       is named shortly rather than leave one word on a second line. -->
  <xsl:template name="running-name">
    <xsl:param name="full"/>
    <xsl:param name="short" select="''"/>
    <xsl:param name="fallback"/>
    <xsl:variable name="f" select="normalize-space($full)"/>
    <xsl:variable name="s" select="normalize-space($short)"/>
    <xsl:variable name="line" select="floor($running-head-length div 2)"/>
    <xsl:choose>
      <xsl:when test="string-length($f) &lt;= $line"><xsl:value-of select="$f"/></xsl:when>
      <xsl:when test="$s != '' and string-length($s) &lt;= $line"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="string-length($f) &lt;= $running-head-length"><xsl:value-of select="$f"/></xsl:when>
      <xsl:when test="$s != '' and string-length($s) &lt;= $running-head-length"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($fallback)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The CCGs as the running header names them (running-name): their
       names, else their short names, else "The clinical commissioning
       groups". -->
  <xsl:template name="running-ccgs">
    <xsl:call-template name="running-name">
      <xsl:with-param name="full">
        <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="short">
        <xsl:call-template name="ccg-names">
          <xsl:with-param name="ccgs" select="$the-ccgs"/>
          <xsl:with-param name="short" select="'yes'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="fallback">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'running-ccgs-many'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A party's name by id (a CCG, NHS England, a council …). -->
  <xsl:template name="party-name">
    <xsl:param name="id"/>
    <xsl:param name="short" select="'no'"/>
    <xsl:variable name="p" select="$root/a:parties/*[@id = $id] | $nhse/a:area-team[@id = $id] | $root/a:committee[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$short = 'yes' and $p/a:short-name"><xsl:value-of select="normalize-space($p/a:short-name)"/></xsl:when>
      <xsl:when test="$p"><xsl:value-of select="normalize-space($p/a:name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person (name, job title, organisation, e-mails, phones) as
       lines of blocks.  labels="yes": "Email"/"Tel" before them. -->
  <xsl:template name="person-lines">
    <xsl:param name="person" select="."/>
    <xsl:param name="email-label" select="''"/>
    <xsl:param name="phone-label" select="''"/>
    <xsl:for-each select="$person/a:name | $person/a:job-title | $person/a:organisation">
      <fo:block role="P"><xsl:value-of select="normalize-space(.)"/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="$person/a:email">
      <fo:block role="P">
        <xsl:if test="$email-label != ''"><xsl:value-of select="$email-label"/><xsl:text> </xsl:text></xsl:if>
        <xsl:call-template name="email-link"><xsl:with-param name="address" select="normalize-space(.)"/></xsl:call-template>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="$person/a:phone">
      <fo:block role="P">
        <xsl:if test="$phone-label != ''"><xsl:value-of select="$phone-label"/><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- A person on one line: "Name, Job title". -->
  <xsl:template name="person-inline">
    <xsl:param name="person" select="."/>
    <xsl:value-of select="normalize-space($person/a:name)"/>
    <xsl:if test="$person/a:job-title">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="normalize-space($person/a:job-title)"/>
    </xsl:if>
  </xsl:template>

  <!-- Who holds an office (a chair or vice-chair element): "Lay Member
       (Jane Smith), acting" or "a lay member of Central London CCG";
       nothing when the office is not given. -->
  <xsl:template name="office-holder">
    <xsl:param name="office"/>
    <xsl:param name="committee" select="$the-committee"/>
    <xsl:variable name="m" select="$committee/a:member[@id = $office/@member]"/>
    <xsl:choose>
      <xsl:when test="$m">
        <xsl:text>the </xsl:text>
        <xsl:value-of select="normalize-space($m/a:post)"/>
        <xsl:variable name="holder" select="$m/a:name | $root/a:people/a:person[@id = $m/@person]/a:name"/>
        <xsl:if test="$holder"> (<xsl:value-of select="normalize-space($holder)"/>)</xsl:if>
      </xsl:when>
      <xsl:when test="$office/@role">
        <xsl:text>a </xsl:text>
        <xsl:variable name="r">
          <xsl:call-template name="label">
            <xsl:with-param name="set" select="'member-role'"/>
            <xsl:with-param name="value" select="$office/@role"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="translate(substring($r, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        <xsl:value-of select="substring($r, 2)"/>
        <xsl:if test="$office/@org">
          <xsl:text> of </xsl:text>
          <xsl:call-template name="party-name"><xsl:with-param name="id" select="$office/@org"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$office/@acting = 'yes' and ($m or $office/@role)">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="text-string"><xsl:with-param name="name" select="'acting-mark'"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Who presides over meetings in common (committees-in-common/
       meeting-chair), in words for a clause: "Pat Example (Director of
       Commissioning, NHS England)", "the Lay Member (Pat Example) of the
       Primary Care Joint Committee of NHS Bexley CCG", "a lay member of
       each committee in turn", "the chair of each committee in turn";
       nothing when the element says none of these (only a description,
       which is the sources' wording and never a clause). -->
  <xsl:template name="meeting-chair-words">
    <xsl:param name="mc"/>
    <!-- by $root, not key(): a clause calls this from the templates'
         document -->
    <xsl:variable name="person" select="$root/a:people/a:person[@id = $mc/@person]"/>
    <xsl:variable name="m" select="$root/a:committee/a:member[@id = $mc/@member]"/>
    <xsl:choose>
      <xsl:when test="$person">
        <xsl:value-of select="normalize-space($person/a:name)"/>
        <xsl:if test="$person/a:job-title | $person/a:organisation">
          <xsl:text> (</xsl:text>
          <xsl:for-each select="$person/a:job-title | $person/a:organisation">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$m">
        <xsl:variable name="holder" select="$m/a:name | $root/a:people/a:person[@id = $m/@person]/a:name"/>
        <xsl:text>the </xsl:text>
        <xsl:value-of select="normalize-space($m/a:post)"/>
        <xsl:if test="$holder"> (<xsl:value-of select="normalize-space($holder)"/>)</xsl:if>
        <xsl:text> of the </xsl:text>
        <xsl:value-of select="normalize-space($m/../a:name)"/>
        <xsl:variable name="ccgs" select="$root/a:parties/a:ccg[contains(concat(' ', $m/../@parties, ' '), concat(' ', @id, ' '))]"/>
        <xsl:if test="$ccgs">
          <xsl:text> of </xsl:text>
          <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$ccgs"/></xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$mc/@role">
        <xsl:variable name="r">
          <xsl:call-template name="lower-label"><xsl:with-param name="set" select="'member-role'"/><xsl:with-param name="value" select="$mc/@role"/></xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="contains('aeiou', substring($r, 1, 1))">an </xsl:when>
          <xsl:otherwise>a </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$r"/>
        <xsl:choose>
          <xsl:when test="$mc/@org">
            <xsl:text> of </xsl:text>
            <xsl:call-template name="party-name"><xsl:with-param name="id" select="$mc/@org"/></xsl:call-template>
            <xsl:if test="$mc/@rotates = 'yes'">, the meeting chair passing in turn among the committees</xsl:if>
          </xsl:when>
          <xsl:when test="$mc/@rotates = 'yes'"> of each committee in turn</xsl:when>
          <xsl:otherwise> of one of the committees</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$mc/@rotates = 'yes'">the chair of each committee in turn</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Money: £25 per head; £2,000,000 a year (approximately). -->
  <xsl:template name="money">
    <xsl:param name="m" select="."/>
    <xsl:if test="$m/@gbp">
      <xsl:if test="$m/@approximate = 'yes'">about </xsl:if>
      <xsl:text>£</xsl:text>
      <xsl:choose>
        <xsl:when test="floor($m/@gbp) = number($m/@gbp)"><xsl:value-of select="format-number($m/@gbp, '#,##0')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="format-number($m/@gbp, '#,##0.00')"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$m/@per">
        <xsl:text> </xsl:text>
        <xsl:call-template name="label">
          <xsl:with-param name="set" select="'per'"/>
          <xsl:with-param name="value" select="$m/@per"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$m/@year"> (<xsl:value-of select="$m/@year"/>)</xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       9. Cells and names of the shared tables (the tables themselves,
          the functions by model and the decision matrix, are
          model/common.xsl's)
       ================================================================ -->

  <!-- One cell of the functions table. -->
  <xsl:template name="functions-table-cell">
    <xsl:param name="function"/>
    <xsl:param name="column"/>
    <xsl:variable name="national" select="$functions-template/t:function[@key = $function/@key]"/>
    <xsl:choose>
      <xsl:when test="$column = 'function'">
        <xsl:call-template name="function-name"><xsl:with-param name="function" select="$function"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$column = 'status'">
        <xsl:call-template name="label">
          <xsl:with-param name="set" select="'function-status'"/>
          <xsl:with-param name="value" select="$function/@status"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$function/a:offer[@model = $column]">
        <xsl:apply-templates select="$function/a:offer[@model = $column]" mode="inline"/>
      </xsl:when>
      <xsl:when test="$national/t:offer[@model = $column]">
        <xsl:value-of select="$national/t:offer[@model = $column]"/>
      </xsl:when>
      <xsl:otherwise>&#x2013;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A function's or an activity's name.  In NHS England's voice (the
       proforma, the terms of reference) one with a national key is named
       in the national wording (templates/functions-2015-16.xml), so that
       a form never rewords the model nor copies a source's misprint
       ("branch/remedial notices"), and one without a key in its own; in
       another issuer's voice (a council's report) its own name comes
       first, else the national wording of its key. -->
  <xsl:template name="function-name">
    <xsl:param name="function" select="."/>
    <xsl:call-template name="scope-name">
      <xsl:with-param name="own" select="$function/a:name"/>
      <xsl:with-param name="national" select="$functions-template/t:function[@key = $function/@key]/t:name"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="activity-name">
    <xsl:param name="activity" select="."/>
    <xsl:call-template name="scope-name">
      <xsl:with-param name="own" select="$activity/a:name"/>
      <xsl:with-param name="national" select="$functions-template/t:activity[@key = $activity/@key]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="scope-name">
    <xsl:param name="own"/>
    <xsl:param name="national"/>
    <xsl:choose>
      <xsl:when test="$own and not($voice = 'nhse' and $national)"><xsl:value-of select="normalize-space($own)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($national)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The activities taken on jointly or by delegation: by an activity's
       own status, else its function's. -->
  <xsl:variable name="commissioned-activities"
      select="$root/a:scope/a:function/a:activity[(@status and (@status = 'joint' or @status = 'delegated')) or (not(@status) and (../@status = 'joint' or ../@status = 'delegated'))]"/>

  <!-- A member's seat in the membership table: the post; the chair or
       vice-chair it holds, when c:office-shown says the document shows
       that office; the number of seats (seats-unstated when the data
       does not give it); a proposed or vacant seat. -->
  <xsl:template name="member-seat">
    <xsl:value-of select="normalize-space(a:post)"/>
    <xsl:for-each select="(../a:chair | ../a:vice-chair)[@member = current()/@id][c:office-shown(.)]">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat(local-name(), '-mark')"/></xsl:call-template>
      <xsl:if test="@acting = 'yes'">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'acting-mark'"/></xsl:call-template>
      </xsl:if>
      <xsl:text>)</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="@count = 'unstated'">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="seats-unstated"/>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:when test="@count &gt; 1">
        <xsl:value-of select="concat(' (', @count, ' ')"/>
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'seats'"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="@status = 'proposed' or @status = 'vacant'">
      <xsl:text> [</xsl:text>
      <xsl:call-template name="label">
        <xsl:with-param name="set" select="'member-status'"/>
        <xsl:with-param name="value" select="@status"/>
      </xsl:call-template>
      <xsl:text>]</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- c:office-shown(office) — whether the membership table marks the
       seat holding this chair or vice-chair: when the document knows the
       office (an office dated after it is not yet held).  A document
       stylesheet may override it. -->
  <func:function name="c:office-shown">
    <xsl:param name="office"/>
    <func:result select="c:not-later($office)"/>
  </func:function>

  <!-- A number of seats the data does not give, inside the seat's
       brackets: a blank to complete ("(…… seats)"). -->
  <xsl:template name="seats-unstated">
    <xsl:call-template name="blank"><xsl:with-param name="length" select="'8mm'"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="text-string"><xsl:with-param name="name" select="'seats'"/></xsl:call-template>
  </xsl:template>

  <!-- A member's vote weight: its own weight; else its organisation's
       share of the voting power; else one vote (voting) or none. -->
  <xsl:template name="member-weight">
    <xsl:param name="committee" select=".."/>
    <xsl:variable name="org" select="@org"/>
    <xsl:variable name="share" select="$committee/a:voting/a:share[@party = $org]"/>
    <xsl:choose>
      <xsl:when test="@voting = 'no'">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'no-vote'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@weight"><xsl:value-of select="@weight"/></xsl:when>
      <xsl:when test="$share">
        <xsl:call-template name="party-name"><xsl:with-param name="id" select="$org"/><xsl:with-param name="short" select="'yes'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', $share/@percent, '% ')"/>
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'share-of'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@voting = 'yes'">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'one-vote'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'10mm'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- ================================================================
       10. Committee texts shared by the proforma and the terms of
           reference
       ================================================================ -->

  <!-- One observer on a line: "Healthwatch representative (Healthwatch
       Anytown): non-voting attendee, national right to attend".  After a
       post, its organisation (post-org).  Whether a representative has
       been nominated (nomination) is said only when the observer is dated
       no later than the document: a nomination is a dated event the data
       gives no date for (Westminster's Board nominated its representative
       after November 2015, not by January). -->
  <xsl:template name="observer-line">
    <xsl:param name="o" select="."/>
    <xsl:param name="post-org" select="true()"/>
    <xsl:param name="nomination" select="($o/@date or $o/@known-by) and c:known-at($o)"/>
    <xsl:choose>
      <xsl:when test="$o/a:post"><xsl:value-of select="normalize-space($o/a:post)"/></xsl:when>
      <xsl:when test="$o/@org">
        <!-- "Representative of the Health and Wellbeing Board (Westminster
             City Council)", "Representative of Healthwatch Merton" -->
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'representative-of'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="party-in-text"><xsl:with-param name="id" select="$o/@org"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'observer-role'"/><xsl:with-param name="value" select="$o/@role"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$o/a:name"> (<xsl:value-of select="normalize-space($o/a:name)"/>)</xsl:if>
    <xsl:if test="$post-org and $o/a:post and $o/@org">
      <xsl:text>, </xsl:text>
      <xsl:call-template name="party-name"><xsl:with-param name="id" select="$o/@org"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$o/@capacity or $o/@basis or $o/@nominated[$nomination]">
      <xsl:text>: </xsl:text>
      <xsl:if test="$o/@capacity">
        <xsl:call-template name="lower-label"><xsl:with-param name="set" select="'observer-capacity'"/><xsl:with-param name="value" select="$o/@capacity"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$o/@basis">
        <xsl:if test="$o/@capacity">, </xsl:if>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'observer-basis'"/><xsl:with-param name="value" select="$o/@basis"/></xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="not($nomination)"/>
        <xsl:when test="$o/@nominated = 'yes'"><xsl:if test="$o/@capacity or $o/@basis">; </xsl:if>a representative has been nominated</xsl:when>
        <xsl:when test="$o/@nominated = 'no'"><xsl:if test="$o/@capacity or $o/@basis">; </xsl:if>no representative has been nominated</xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A party as running text names it: its article (labels.xml
       name-article, by the kind of party), its name, and a board's
       council: "the Merton Health and Wellbeing Board (London Borough of
       Merton)", "Healthwatch Merton". -->
  <xsl:template name="party-in-text">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="$root/a:parties/*[@id = $id]"/>
    <xsl:variable name="article" select="$labels/t:set[@name = 'name-article']/t:label[@value = local-name($p)]"/>
    <xsl:if test="$article"><xsl:value-of select="concat($article, ' ')"/></xsl:if>
    <xsl:call-template name="party-name"><xsl:with-param name="id" select="$id"/></xsl:call-template>
    <xsl:if test="$p/@council">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="party-name"><xsl:with-param name="id" select="$p/@council"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A label with its first letter in lower case, for the middle of a
       sentence. -->
  <xsl:template name="lower-label">
    <xsl:param name="set"/>
    <xsl:param name="value"/>
    <xsl:variable name="r"><xsl:call-template name="label"><xsl:with-param name="set" select="$set"/><xsl:with-param name="value" select="$value"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="translate(substring($r, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:value-of select="substring($r, 2)"/>
  </xsl:template>

  <!-- An organisation as a committee text names it: its name (the
       terms of reference override this with their defined term, "the
       CCG"). -->
  <xsl:template name="org-term">
    <xsl:param name="id"/>
    <xsl:call-template name="party-name"><xsl:with-param name="id" select="$id"/></xsl:call-template>
  </xsl:template>

  <!-- "lay or clinical member(s), the chair or vice-chair, a member from NHS England" -->
  <xsl:template name="requirement-criteria">
    <xsl:variable name="parts">
      <xsl:for-each select="str:tokenize(@roles, ' ')">
        <p><xsl:call-template name="label"><xsl:with-param name="set" select="'member-role-plural'"/><xsl:with-param name="value" select="string(.)"/></xsl:call-template> member</p>
      </xsl:for-each>
      <xsl:for-each select="str:tokenize(@professions, ' ')">
        <p><xsl:call-template name="label"><xsl:with-param name="set" select="'profession'"/><xsl:with-param name="value" select="string(.)"/></xsl:call-template> member</p>
      </xsl:for-each>
      <xsl:for-each select="str:tokenize(@offices, ' ')">
        <p><xsl:value-of select="translate(string(.), '-', ' ')"/></p>
      </xsl:for-each>
      <xsl:variable name="c" select="ancestor::a:committee"/>
      <xsl:for-each select="str:tokenize(@members, ' ')">
        <xsl:variable name="mid" select="string(.)"/>
        <p><xsl:value-of select="normalize-space($c/a:member[@id = $mid]/a:post)"/></p>
      </xsl:for-each>
      <xsl:for-each select="str:tokenize(@organisations, ' ')">
        <p>member from <xsl:call-template name="org-term"><xsl:with-param name="id" select="string(.)"/></xsl:call-template></p>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($parts)/*">
      <xsl:if test="position() &gt; 1"> or </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- A register: kept, published, where. -->
  <xsl:template name="register-text">
    <xsl:param name="register"/>
    <xsl:text>Kept: </xsl:text>
    <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$register/@kept"/></xsl:call-template>
    <xsl:text>. Published: </xsl:text>
    <xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$register/@published"/></xsl:call-template>
    <xsl:if test="$register/@url">
      <xsl:text>, at </xsl:text>
      <xsl:call-template name="external-link">
        <xsl:with-param name="url" select="$register/@url"/>
        <xsl:with-param name="content" select="string($register/@url)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- How many member practices the CCG has: the stated count, else the
       eligible practices of the member vote; '' when unknown. -->
  <xsl:template name="member-practice-count">
    <xsl:param name="ccg-node" select="$the-ccg"/>
    <xsl:param name="mandate" select="$the-mandate"/>
    <xsl:choose>
      <xsl:when test="$ccg-node/a:practices/@count"><xsl:value-of select="$ccg-node/a:practices/@count"/></xsl:when>
      <xsl:when test="$mandate/a:member-vote/@eligible"><xsl:value-of select="$mandate/a:member-vote/@eligible"/></xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
