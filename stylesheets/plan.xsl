<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/plan.xsl — the build plan: which documents an arrangement
  needs, for `cocom build`.  Applied to an arrangement, it writes

    <plan xmlns="urn:cocom:plan:1">
      <document kind="report" name="wolverhampton-ccg-hwb-report-2015-07-29"
                stylesheet="report-city-of-wolverhampton.xsl"
                title="Update on Primary Care Co-Commissioning">
        <param name="report" value="hwb-2015-07-29"/>
      </document>
      …
    </plan>

  kind        report | proforma | terms-of-reference | ballot | mandate-summary
  name        the output file name without ".pdf", after what the document
              is for: <board id>-report-<date> for a report (the board's
              paper, whichever CCGs wrote it), <committee id>-terms-of-
              reference, <ccg id>-<document> for a CCG's own papers
  stylesheet  relative to stylesheets/
  title       the document's title (as its PDF metadata gives it)
  param       string parameters for the stylesheet

  Which documents:
    - a report for every board-report (every model);
    - for joint and delegated models only: a proforma (annex A joint,
      annex B delegated) and ballot papers for every CCG, terms of
      reference for every committee, and a mandate summary for every CCG
      whose mandate has ballot returns.
  Greater-involvement arrangements get only their reports.

  The report's stylesheet: the house style named by the parameter
  house-style if given, else board-report/@house-style, looked up in
  templates/house-styles.xml; a house style that is not listed there
  falls back to report.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    xmlns="urn:cocom:plan:1"
    exclude-result-prefixes="a t str exsl">

  <xsl:import href="base.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Override every report's house style (a name listed in templates/house-styles.xml). -->
  <xsl:param name="house-style" select="''"/>
  <xsl:param name="house-styles-file" select="'../templates/house-styles.xml'"/>
  <xsl:param name="ballot-file" select="'../templates/ballot.xml'"/>

  <xsl:variable name="house-styles" select="document($house-styles-file)/t:house-styles"/>
  <xsl:variable name="ballot-title" select="normalize-space(document($ballot-file)/t:ballot/t:title)"/>
  <xsl:variable name="ccgs" select="$root/a:parties/a:ccg"/>
  <xsl:variable name="makes-forms" select="$model-kind = 'joint' or $model-kind = 'delegated'"/>

  <xsl:template match="/">
    <plan>
      <xsl:apply-templates select="$root/a:board-report" mode="plan"/>
      <xsl:if test="$makes-forms">
        <xsl:for-each select="$ccgs">
          <xsl:variable name="ccg-node" select="."/>
          <xsl:call-template name="plan.proforma"/>
          <xsl:for-each select="$root/a:committee[str:tokenize(@parties, ' ')[. = $ccg-node/@id]]">
            <!-- A committee belongs to the first of its CCGs. -->
            <xsl:variable name="first-ccg" select="$ccgs[@id = str:tokenize(current()/@parties, ' ')][1]"/>
            <xsl:if test="$first-ccg/@id = $ccg-node/@id">
              <xsl:call-template name="plan.terms-of-reference"/>
            </xsl:if>
          </xsl:for-each>
          <xsl:call-template name="plan.ballot"/>
          <xsl:if test="$root/a:mandate[@ccg = $ccg-node/@id or (not(@ccg) and count($ccgs) = 1)]/a:ballot-return">
            <xsl:call-template name="plan.mandate-summary"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
    </plan>
  </xsl:template>

  <!-- A report, named after the board it goes to and the meeting date
       (or the report's id when two reports share a date): a board paper of
       six CCGs is the board's, not the first CCG's. -->
  <xsl:template match="a:board-report" mode="plan">
    <xsl:variable name="style">
      <xsl:choose>
        <xsl:when test="$house-style != ''"><xsl:value-of select="$house-style"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@house-style"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="registered" select="$house-styles/t:house-style[@name = $style]/@stylesheet"/>
    <xsl:variable name="suffix">
      <xsl:choose>
        <xsl:when test="count($root/a:board-report[@date = current()/@date]) &gt; 1"><xsl:value-of select="@id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <document kind="report" name="{@board}-report-{$suffix}" title="{normalize-space(a:cover/a:report-title)}">
      <xsl:attribute name="stylesheet">
        <xsl:choose>
          <xsl:when test="$registered"><xsl:value-of select="$registered"/></xsl:when>
          <xsl:otherwise>report.xsl</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <param name="report" value="{@id}"/>
    </document>
  </xsl:template>

  <xsl:template name="plan.proforma">
    <xsl:variable name="annex">
      <xsl:choose>
        <xsl:when test="$model-kind = 'delegated'">B</xsl:when>
        <xsl:otherwise>A</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('title-proforma-', $annex)"/></xsl:call-template></xsl:variable>
    <document kind="proforma" name="{@id}-proforma-annex-{translate($annex, 'AB', 'ab')}" stylesheet="proforma.xsl"
              title="{concat($doc-name, ': ', normalize-space(a:name))}">
      <param name="ccg" value="{@id}"/>
    </document>
  </xsl:template>

  <!-- Terms of reference, named after the committee they are for. -->
  <xsl:template name="plan.terms-of-reference">
    <xsl:variable name="c" select="."/>
    <xsl:variable name="in-common"
        select="$root/a:committees-in-common[str:tokenize(@committees, ' ')[. = $c/@id]] or $model/@joint-form = 'committees-in-common'"/>
    <xsl:variable name="doc-name">
      <xsl:choose>
        <xsl:when test="$in-common"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-terms-of-reference-in-common'"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-terms-of-reference'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="names">
      <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$ccgs[@id = str:tokenize($c/@parties, ' ')]"/></xsl:call-template>
    </xsl:variable>
    <document kind="terms-of-reference" stylesheet="terms-of-reference.xsl"
              title="{concat($doc-name, ': ', normalize-space($c/a:name), ' (', $names, ')')}">
      <xsl:attribute name="name">
        <xsl:value-of select="concat($c/@id, '-terms-of-reference')"/>
      </xsl:attribute>
      <param name="committee" value="{$c/@id}"/>
    </document>
  </xsl:template>

  <xsl:template name="plan.ballot">
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-ballot'"/></xsl:call-template></xsl:variable>
    <document kind="ballot" name="{@id}-ballot-papers" stylesheet="ballot.xsl"
              title="{concat($doc-name, ' (', $ballot-title, '): ', normalize-space(a:name))}">
      <param name="ccg" value="{@id}"/>
    </document>
  </xsl:template>

  <xsl:template name="plan.mandate-summary">
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-mandate-summary'"/></xsl:call-template></xsl:variable>
    <document kind="mandate-summary" name="{@id}-mandate-summary" stylesheet="mandate-summary.xsl"
              title="{concat($doc-name, ': ', normalize-space(a:name), ', ', $root/@year)}">
      <param name="ccg" value="{@id}"/>
    </document>
  </xsl:template>
</xsl:stylesheet>
