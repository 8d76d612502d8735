<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/report.xsl — a report to a council's Health and Wellbeing
  Board, from a board-report of the arrangement: masthead, cover table,
  recommendations, numbered sections with their paragraphs, the functions
  table and the decision matrix where the report places them (drawn from
  the arrangement's scope and decisions), the contact box, appendices and
  background papers.

  This is the plain default house style.  Councils' house styles are
  customisation layers that import this file and override its
  parameters, attribute sets and named templates:
    report-city-of-wolverhampton.xsl, report-westminster-city-council.xsl
  (templates/house-styles.xml lists them, with each style's default cover
  labels).

  Parameter: report — the board-report/@id (default: the first report).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="a t exsl str">

  <xsl:import href="base.xsl"/>

  <!-- A board report speaks in the council's words, and knows what had
       happened by the day of its meeting. -->
  <xsl:param name="voice" select="'council'"/>
  <xsl:template name="document-date-default">
    <xsl:value-of select="$report-node/@date"/>
  </xsl:template>

  <!-- The house style whose default cover labels to use (templates/house-styles.xml). -->
  <xsl:param name="house-style-name" select="'default'"/>
  <xsl:param name="house-styles-file" select="'../templates/house-styles.xml'"/>
  <!-- Council papers are not NHS-branded: black headings by default. -->
  <xsl:param name="heading-color" select="$nhs-black"/>
  <xsl:param name="title-color" select="$nhs-black"/>
  <xsl:param name="rule-color" select="$nhs-mid-grey"/>
  <xsl:param name="table-head-background" select="$nhs-pale-grey"/>
  <xsl:param name="table-head-color" select="$nhs-black"/>
  <!-- The cover table: how many value columns (2 lets a row split its
       value, e.g. a body and its date), and the label column's share. -->
  <xsl:param name="cover-value-columns" select="1"/>
  <xsl:param name="cover-label-width" select="35"/>
  <!-- A contents list: yes, no, or auto (when the report has at least
       $toc-min-sections sections). -->
  <xsl:param name="report-toc" select="'auto'"/>
  <!-- Start the first section on a new page (yes/no). -->
  <xsl:param name="first-section-new-page" select="'no'"/>
  <!-- Inside numbered sections, indent unnumbered paragraphs, lists and
       sub-headings to the text column (yes/no). -->
  <xsl:param name="indent-unnumbered" select="'yes'"/>
  <xsl:param name="indent-subheadings" select="'yes'"/>
  <!-- The running header on the first page too (the masthead is there). -->
  <xsl:param name="report-first-header" select="'yes'"/>

  <xsl:variable name="house-styles" select="document($house-styles-file)/t:house-styles"/>
  <xsl:variable name="board" select="$root/a:parties/a:health-and-wellbeing-board[@id = $report-node/@board]"/>
  <xsl:variable name="council" select="$root/a:parties/a:council[@id = $board/@council]"/>
  <xsl:variable name="report-title" select="normalize-space($report-node/a:cover/a:report-title)"/>
  <xsl:variable name="report-sections" select="$report-node/a:section"/>
  <xsl:variable name="show-toc"
      select="$report-toc = 'yes' or ($report-toc = 'auto' and count($report-sections) &gt;= $toc-min-sections)"/>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$report-node">
        <xsl:apply-templates select="$report-node" mode="report"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">cocom: the arrangement has no board report<xsl:if test="$report != ''"> with the id "<xsl:value-of select="$report"/>"</xsl:if></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:board-report" mode="report">
    <xsl:call-template name="fo-document">
      <xsl:with-param name="title" select="$report-title"/>
      <xsl:with-param name="description">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-report'"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="creator">
        <xsl:call-template name="report-creator"/>
      </xsl:with-param>
      <xsl:with-param name="running-left">
        <xsl:call-template name="report-running-left"/>
      </xsl:with-param>
      <xsl:with-param name="running-right">
        <xsl:call-template name="report-running-right"/>
      </xsl:with-param>
      <xsl:with-param name="first-header" select="$report-first-header"/>
      <xsl:with-param name="bookmarks">
        <xsl:call-template name="report.bookmarks"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="report.content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Whose report it is: "Report of", else the CCGs. -->
  <xsl:template name="report-creator">
    <xsl:choose>
      <xsl:when test="$report-node/a:cover/a:report-of">
        <xsl:value-of select="normalize-space($report-node/a:cover/a:report-of)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The running header is the council's, not the CCG's: on the left
       the meeting (the board, its date and, when given, the agenda item),
       on the right the paper's protective marking (the cover's
       classification), else the council. -->
  <xsl:template name="report-running-left">
    <xsl:value-of select="normalize-space($board/a:name)"/>
    <xsl:text>, </xsl:text>
    <!-- The date and the agenda item each stay on one line (no-break
         spaces): "11 / February 2016" would read as two things. -->
    <xsl:variable name="date"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="translate($date, ' ', '&#xA0;')"/>
    <xsl:if test="$report-node/@agenda-item">
      <xsl:text>, </xsl:text>
      <xsl:variable name="item"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'agenda-item'"/></xsl:call-template></xsl:variable>
      <xsl:value-of select="translate($item, ' ', '&#xA0;')"/>
      <xsl:text>&#xA0;</xsl:text>
      <xsl:value-of select="$report-node/@agenda-item"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="report-running-right">
    <xsl:choose>
      <xsl:when test="normalize-space($report-node/a:cover/a:classification) != ''">
        <xsl:value-of select="normalize-space($report-node/a:cover/a:classification)"/>
      </xsl:when>
      <xsl:when test="$council"><xsl:value-of select="normalize-space($council/a:name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$report-title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The order of the report. -->
  <xsl:template name="report.content">
    <xsl:call-template name="report.masthead"/>
    <xsl:call-template name="report.cover"/>
    <xsl:apply-templates select="$report-node/a:recommendations" mode="report-recommendations"/>
    <xsl:if test="$show-toc">
      <xsl:call-template name="report.toc"/>
    </xsl:if>
    <xsl:apply-templates select="$report-sections" mode="report-section"/>
    <xsl:apply-templates select="$report-node/a:contact-box" mode="report"/>
    <xsl:apply-templates select="$report-node/a:appendices" mode="report"/>
    <xsl:apply-templates select="$report-node/a:background-papers" mode="report"/>
  </xsl:template>

  <!-- ================================================================
       Masthead and cover table
       ================================================================ -->

  <xsl:attribute-set name="report.masthead">
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.board">
    <xsl:attribute name="font-size"><xsl:value-of select="$title-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$title-color"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.council">
    <xsl:attribute name="font-size"><xsl:value-of select="$subtitle-font-size"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.masthead.date">
    <xsl:attribute name="font-size"><xsl:value-of select="$subtitle-font-size"/></xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="report.masthead">
    <fo:block xsl:use-attribute-sets="report.masthead" role="Div">
      <xsl:if test="$council">
        <fo:block xsl:use-attribute-sets="report.masthead.council" role="P"><xsl:value-of select="normalize-space($council/a:name)"/></fo:block>
      </xsl:if>
      <fo:block xsl:use-attribute-sets="report.masthead.board" role="H1"><xsl:value-of select="normalize-space($board/a:name)"/></fo:block>
      <fo:block xsl:use-attribute-sets="report.masthead.date" role="P">
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template>
      </fo:block>
    </fo:block>
  </xsl:template>

  <xsl:attribute-set name="report.cover.table" use-attribute-sets="table">
    <xsl:attribute name="space-after">14pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.label" use-attribute-sets="table.cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.cover.value" use-attribute-sets="table.cell">
  </xsl:attribute-set>

  <xsl:template name="report.cover">
    <fo:table xsl:use-attribute-sets="report.cover.table" role="Table">
      <fo:table-column column-width="proportional-column-width({$cover-label-width})"/>
      <xsl:choose>
        <xsl:when test="$cover-value-columns = 2">
          <fo:table-column column-width="proportional-column-width({(100 - $cover-label-width) div 2})"/>
          <fo:table-column column-width="proportional-column-width({(100 - $cover-label-width) div 2})"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-column column-width="proportional-column-width({100 - $cover-label-width})"/>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:apply-templates select="$report-node/a:cover/*" mode="cover-row"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- A cover row: the label, then the value across the value columns. -->
  <xsl:template match="a:*" mode="cover-row">
    <fo:table-row role="TR" keep-together.within-page="always">
      <fo:table-cell xsl:use-attribute-sets="report.cover.label" role="TH">
        <fo:block role="P"><xsl:apply-templates select="." mode="cover-label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="report.cover.value" role="TD" number-columns-spanned="{$cover-value-columns}">
        <xsl:apply-templates select="." mode="cover-value"/>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- A cover field's label: the council's own (@label), else the house
       style's default, else the plain default. -->
  <xsl:template match="a:*" mode="cover-label">
    <xsl:variable name="field" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
      <xsl:when test="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]">
        <xsl:value-of select="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$house-styles/t:house-style[@name = 'default']/t:label[@field = $field]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A word of the house style (e.g. "Email", "Tel"). -->
  <xsl:template name="house-word">
    <xsl:param name="field"/>
    <xsl:choose>
      <xsl:when test="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]">
        <xsl:value-of select="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$house-styles/t:house-style[@name = 'default']/t:label[@field = $field]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Cover values (FO blocks). -->
  <xsl:template match="a:*" mode="cover-value">
    <fo:block role="P"><xsl:apply-templates mode="inline"/></fo:block>
  </xsl:template>

  <xsl:template match="a:meeting-date" mode="cover-value">
    <fo:block role="P">
      <xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template match="a:cabinet-member" mode="cover-value">
    <fo:block role="P"><xsl:value-of select="normalize-space(a:name)"/></fo:block>
    <xsl:if test="a:portfolio">
      <fo:block role="P"><xsl:value-of select="normalize-space(a:portfolio)"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:accountable-director | a:author" mode="cover-value">
    <xsl:call-template name="person-lines"/>
  </xsl:template>

  <xsl:template match="a:accountable-employees" mode="cover-value">
    <xsl:variable name="email-label"><xsl:call-template name="house-word"><xsl:with-param name="field" select="'email'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="phone-label"><xsl:call-template name="house-word"><xsl:with-param name="field" select="'phone'"/></xsl:call-template></xsl:variable>
    <xsl:for-each select="a:contact">
      <fo:block role="Div">
        <xsl:if test="position() &gt; 1"><xsl:attribute name="space-before">4pt</xsl:attribute></xsl:if>
        <xsl:call-template name="person-lines">
          <xsl:with-param name="email-label" select="$email-label"/>
          <xsl:with-param name="phone-label" select="$phone-label"/>
        </xsl:call-template>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:considered-by" mode="cover-value">
    <xsl:for-each select="a:considering-body">
      <fo:block role="P">
        <xsl:value-of select="normalize-space(a:name)"/>
        <xsl:if test="@printed-date or @date">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="considering-date"/>
        </xsl:if>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- The date of a considering body as the report prints it. -->
  <xsl:template name="considering-date">
    <xsl:choose>
      <xsl:when test="@printed-date"><xsl:value-of select="@printed-date"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Recommendations, contents, sections
       ================================================================ -->

  <xsl:attribute-set name="report.recommendations">
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- Recommendations before the sections. -->
  <xsl:template match="a:recommendations" mode="report-recommendations">
    <fo:block xsl:use-attribute-sets="report.recommendations" role="Div" id="{generate-id()}">
      <xsl:apply-templates select="." mode="block"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="report.toc">
    <xsl:variable name="entries">
      <xsl:for-each select="$report-sections">
        <entry id="{generate-id()}" number="{@n}" title="{normalize-space(a:heading)}"/>
      </xsl:for-each>
      <!-- (the contact box has no heading to list: it keeps its bookmark) -->
      <xsl:for-each select="$report-node/a:appendices | $report-node/a:background-papers">
        <entry id="{generate-id()}" number="">
          <xsl:attribute name="title"><xsl:apply-templates select="." mode="closing-title"/></xsl:attribute>
        </entry>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="toc">
      <xsl:with-param name="entries" select="exsl:node-set($entries)/*"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The titles of the closing parts, for the contents and bookmarks. -->
  <xsl:template match="a:contact-box" mode="closing-title">
    <xsl:call-template name="report-word"><xsl:with-param name="name" select="'contact'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="a:appendices | a:background-papers" mode="closing-title">
    <xsl:choose>
      <xsl:when test="a:heading">
        <xsl:variable name="h" select="normalize-space(a:heading)"/>
        <!-- "APPENDICES:" → "Appendices" -->
        <xsl:variable name="bare" select="translate($h, ':', '')"/>
        <xsl:call-template name="capitalise">
          <xsl:with-param name="s" select="translate($bare, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="report-word"><xsl:with-param name="name" select="local-name()"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Words of the report's own (not the council's): boilerplate "report-…". -->
  <xsl:template name="report-word">
    <xsl:param name="name"/>
    <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('report-', $name)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="a:section" mode="report-section">
    <xsl:variable name="level" select="count(ancestor::a:section) + 1"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="number" select="@n"/>
      <xsl:with-param name="id" select="generate-id()"/>
      <xsl:with-param name="break-before">
        <xsl:if test="$first-section-new-page = 'yes' and $level = 1 and not(preceding-sibling::a:section)">page</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::a:heading)]" mode="report-body"/>
  </xsl:template>

  <xsl:template match="a:section" mode="report-body">
    <xsl:apply-templates select="." mode="report-section"/>
  </xsl:template>

  <xsl:template match="a:*" mode="report-body">
    <xsl:apply-templates select="." mode="block"/>
  </xsl:template>

  <!-- Does this block sit in a section whose paragraphs are numbered? -->
  <xsl:template name="in-numbered-section">
    <xsl:if test="parent::a:section[a:para[@n] or a:recommendations/a:recommendation[contains(@n, '.')]]">yes</xsl:if>
  </xsl:template>

  <!-- Unnumbered paragraphs of a numbered section: in the text column. -->
  <xsl:template match="a:section/a:para[not(@n)]" mode="block">
    <xsl:variable name="numbered"><xsl:call-template name="in-numbered-section"/></xsl:variable>
    <xsl:call-template name="numbered-block">
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="indent">
        <xsl:choose>
          <xsl:when test="$indent-unnumbered = 'yes' and $numbered = 'yes'">yes</xsl:when>
          <xsl:otherwise>no</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:apply-templates select="preceding-sibling::*[1][self::a:subheading][@run-in = 'yes']" mode="run-in"/>
        <xsl:apply-templates mode="inline"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:subheading" mode="run-in">
    <fo:inline font-weight="bold" role="Span"><xsl:apply-templates mode="inline"/></fo:inline>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A sub-heading inside a section (an H2) is an H3, so that a screen
       reader announces no missing level.  A run-in one (@run-in="yes", as
       the seed sets "Level 2: Joint commissioning arrangements –") is
       printed bold at the start of the paragraph that follows it. -->
  <xsl:template match="a:section/a:subheading[@run-in = 'yes'][following-sibling::*[1][self::a:para[not(@n)]]]" mode="block" priority="1"/>

  <xsl:template match="a:section/a:subheading" mode="block">
    <xsl:variable name="numbered"><xsl:call-template name="in-numbered-section"/></xsl:variable>
    <fo:block xsl:use-attribute-sets="subheading" role="H3">
      <xsl:if test="$indent-subheadings = 'yes' and $numbered = 'yes'">
        <xsl:attribute name="start-indent"><xsl:value-of select="$para-number-width"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <!-- Lists of a numbered section: in the text column. -->
  <xsl:template match="a:section/a:list" mode="block">
    <xsl:variable name="numbered"><xsl:call-template name="in-numbered-section"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$indent-unnumbered = 'yes' and $numbered = 'yes'">
        <fo:block start-indent="{$para-number-width}" role="Div">
          <xsl:apply-imports/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The decision matrix in a report: where no decision has an entry in
       any column, the table says so in the council's words rather than
       leaving the reader to wonder whether ticks were lost. -->
  <xsl:template match="a:decision-matrix" mode="block">
    <xsl:call-template name="decision-matrix">
      <xsl:with-param name="placeholder" select="."/>
      <xsl:with-param name="note" select="'no'"/>
    </xsl:call-template>
    <xsl:if test="not($root/a:decisions//a:decision[@committee-decision or @approved-policy or @urgent-decision])">
      <fo:block xsl:use-attribute-sets="table.note" role="P">
        <xsl:call-template name="text"><xsl:with-param name="name" select="'matrix-empty-note'"/></xsl:call-template>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Closing parts
       ================================================================ -->

  <xsl:attribute-set name="report.contact-box" use-attribute-sets="box">
    <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="report.closing.heading" use-attribute-sets="subheading">
    <xsl:attribute name="space-before">12pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template match="a:contact-box" mode="report">
    <fo:block xsl:use-attribute-sets="report.contact-box" role="Div" id="{generate-id()}">
      <xsl:if test="a:lead-in">
        <fo:block font-weight="bold" space-after="6pt" role="P"><xsl:apply-templates select="a:lead-in" mode="inline"/></fo:block>
      </xsl:if>
      <xsl:for-each select="a:contact">
        <fo:block role="Div">
          <xsl:if test="position() &gt; 1"><xsl:attribute name="space-before">6pt</xsl:attribute></xsl:if>
          <xsl:call-template name="person-lines"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="a:appendices | a:background-papers" mode="report">
    <fo:block xsl:use-attribute-sets="report.closing.heading" role="H2" id="{generate-id()}">
      <xsl:choose>
        <xsl:when test="a:heading"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="closing-title"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <xsl:variable name="entries" select="a:appendix | a:paper"/>
    <xsl:if test="$entries">
      <fo:list-block xsl:use-attribute-sets="list" role="L">
        <xsl:for-each select="$entries">
          <fo:list-item xsl:use-attribute-sets="list.item" role="LI">
            <xsl:call-template name="list-item-keeps"/>
            <fo:list-item-label end-indent="label-end()" role="Lbl">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$bullet"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()" role="LBody">
              <fo:block role="P"><xsl:apply-templates select="." mode="closing-entry"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
    <xsl:apply-templates select="a:para" mode="block"/>
  </xsl:template>

  <xsl:template match="a:paper" mode="closing-entry">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="a:appendix" mode="closing-entry">
    <xsl:choose>
      <xsl:when test="@url">
        <xsl:call-template name="external-link">
          <xsl:with-param name="url" select="@url"/>
          <xsl:with-param name="content" select="normalize-space(a:title)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(a:title)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Bookmarks: the recommendations, each section (sub-sections
       nested), and the closing parts.
       ================================================================ -->
  <xsl:template name="report.bookmarks">
    <xsl:for-each select="$report-node/a:recommendations">
      <xsl:call-template name="bookmark">
        <xsl:with-param name="id" select="generate-id()"/>
        <xsl:with-param name="title">
          <xsl:choose>
            <xsl:when test="a:heading"><xsl:value-of select="translate(normalize-space(a:heading), ':', '')"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="report-word"><xsl:with-param name="name" select="'recommendations'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="$report-sections" mode="report-bookmark"/>
    <xsl:for-each select="$report-node/a:contact-box | $report-node/a:appendices | $report-node/a:background-papers">
      <xsl:call-template name="bookmark">
        <xsl:with-param name="id" select="generate-id()"/>
        <xsl:with-param name="title"><xsl:apply-templates select="." mode="closing-title"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:section" mode="report-bookmark">
    <fo:bookmark internal-destination="{generate-id()}">
      <fo:bookmark-title>
        <xsl:if test="@n"><xsl:value-of select="concat(@n, ' ')"/></xsl:if>
        <xsl:value-of select="normalize-space(a:heading)"/>
      </fo:bookmark-title>
      <xsl:apply-templates select="a:section" mode="report-bookmark"/>
    </fo:bookmark>
  </xsl:template>
</xsl:stylesheet>
