<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/proforma.xsl — the proforma a CCG completes to take
  on joint commissioning (annex A) or delegated commissioning (annex B)
  of primary medical services, one per CCG, as a document model
  (urn:cocom:document:1, document.rng): the CCG's details, the model and
  start date, the functions in scope, the committee and its membership,
  the constitution change and member approval with the ballot result,
  conflicts of interest, staffing agreed with the area team, engagement
  (LMC, Health and Wellbeing Board, Healthwatch), where it is submitted,
  the approval route, and the sign-off.  output/fo.xsl (and html.xsl,
  docx.xsl) say how it looks.

  The questions are templates/proforma.xml (modelled on Next steps
  §7.3.1/§7.4.1: the national wording was not found).  Each question is
  answered by the template of model/proforma-answers.xsl that matches its
  key; an answer the data does not give is a blank to fill in (a line,
  or lines to write on under a wide question).

  What a proforma may print (issue 16):
  - only what was known on its date ($document-date: the submission, else
    the deadline): the model's status and history as $model-status-at and
    $known-events give them; a dated fact (vote, approval, constitution
    change, board report, terms of reference, ballot return) only when
    c:known-at / c:date-known say it had happened;
  - structured data and national wording: the functions table and the
    activities in the words of templates/functions-2015-16.xml, never a
    local rewording (a council's "sub-region" for "area team");
  - free prose only where a question asks for the CCG's own answer
    (c:own-words: the prose is marked words="ccg" and dated no later than
    the proforma); never a news feature's account, a quotation or a
    commentator's aside;
  - NHS England's words: no LMC model numbers, no council levels.

  Parameters: ccg — the ccg/@id (default: the first CCG); as-at — the
  date to ask as at (base.xsl).  The annex follows the model: A for
  joint, B for delegated.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:func="http://exslt.org/functions"
    xmlns:c="urn:cocom:functions:1"
    extension-element-prefixes="func"
    exclude-result-prefixes="a t exsl str c">

  <xsl:import href="common.xsl"/>
  <!-- the answer to each question -->
  <xsl:include href="proforma-answers.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- A proforma is dated the day it was submitted, or failing that the
       deadline for its model: it knows only what had happened by then. -->
  <xsl:template name="document-date-default">
    <xsl:call-template name="application-date"/>
  </xsl:template>

  <!-- c:own-words(node) — true when the prose at node may stand as the
       CCG's own answer on this proforma: the data marks it as the CCG's
       words (words="ccg" on it or on the prose container it sits in) and
       those words were written by the proforma's date (its @date, as
       c:known-at reads it).  Anything else (a journalist's account, a
       quotation, undated prose) is left out, and the answer is a blank. -->
  <func:function name="c:own-words">
    <xsl:param name="n"/>
    <xsl:variable name="marked" select="($n/ancestor-or-self::*[@words])[last()]"/>
    <func:result select="boolean($marked) and string($marked/@words) = 'ccg' and c:known-at($marked)"/>
  </func:function>

  <xsl:param name="proforma-file" select="'../../templates/proforma.xml'"/>
  <!-- Lines to write on for a long answer left blank. -->
  <xsl:param name="blank-answer-lines" select="3"/>

  <xsl:variable name="pf" select="document($proforma-file)/t:proforma"/>
  <!-- pf-text: a named text of templates/proforma.xml, filled; the
       year's own words for it first (templates/README.md, "Years"). -->
  <xsl:template name="pf-text">
    <xsl:param name="name"/>
    <xsl:variable name="yearly" select="$year-round/t:text[@name = $name]"/>
    <xsl:apply-templates select="($yearly | $pf/t:text[@name = $name][not($yearly)])[1]/node()" mode="fill"/>
  </xsl:template>
  <xsl:variable name="committee-node" select="$the-committee"/>
  <xsl:variable name="sections-rtf">
    <xsl:for-each select="$pf/t:section">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sections" select="exsl:node-set($sections-rtf)/t:section"/>

  <xsl:template name="document-conditions">
    <xsl:if test="$committee-node"> has-committee</xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not($model-kind = 'joint' or $model-kind = 'delegated')">
      <xsl:message terminate="yes">cocom: a proforma is for joint or delegated commissioning; this arrangement's model is <xsl:value-of select="$model-kind"/></xsl:message>
    </xsl:if>
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="title">
      <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('title-proforma-', $annex-letter)"/></xsl:call-template>
    </xsl:variable>
    <d:document type="proforma" xml:lang="{$doc-lang}">
      <d:metadata>
        <d:title><xsl:value-of select="concat($title, ': ', normalize-space($the-ccg/a:name))"/></d:title>
        <d:issuer><xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template></d:issuer>
        <d:description>
          <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('describe-proforma-', $annex-letter)"/></xsl:call-template>
        </d:description>
        <xsl:if test="normalize-space($document-date) != ''">
          <d:date value="{$document-date}"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template></d:date>
        </xsl:if>
        <!-- The running head: the form's name, and the CCGs (their short
             names when the full ones do not fit). -->
        <d:running-head first-page="yes">
          <d:start><xsl:value-of select="$title"/></d:start>
          <d:end><xsl:call-template name="running-ccgs"/></d:end>
        </d:running-head>
        <!-- The footer says the questions are modelled, not NHS
             England's own (templates/proforma.xml). -->
        <d:running-foot><xsl:call-template name="text"><xsl:with-param name="name" select="'proforma-note'"/></xsl:call-template></d:running-foot>
        <d:outline>
          <xsl:for-each select="$sections">
            <xsl:variable name="t"><xsl:value-of select="concat(position(), ' ')"/><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:variable>
            <d:bookmark ref="pf-{position()}" title="{normalize-space($t)}"/>
          </xsl:for-each>
          <xsl:variable name="st"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></xsl:variable>
          <d:bookmark ref="pf-sign-off" title="{normalize-space($st)}"/>
        </d:outline>
      </d:metadata>
      <d:body>
        <xsl:call-template name="proforma.title"/>
        <xsl:if test="count($sections) &gt;= $toc-min-sections">
          <d:contents>
            <d:heading><xsl:call-template name="text"><xsl:with-param name="name" select="'contents'"/></xsl:call-template></d:heading>
            <xsl:for-each select="$sections">
              <d:entry ref="pf-{position()}" number="{position()}"><xsl:apply-templates select="t:heading/node()" mode="fill"/></d:entry>
            </xsl:for-each>
            <d:entry ref="pf-sign-off"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></d:entry>
          </d:contents>
        </xsl:if>
        <xsl:for-each select="$sections">
          <xsl:call-template name="proforma.section">
            <xsl:with-param name="number" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="proforma.sign-off"/>
      </d:body>
    </d:document>
  </xsl:template>

  <!-- Title block: the annex, the title, the CCG and year, the introduction. -->
  <xsl:template name="proforma.title">
    <d:p role="annex-label"><xsl:apply-templates select="$pf/t:annex-label" mode="fill"/></d:p>
    <d:title><xsl:apply-templates select="$pf/t:title" mode="fill"/></d:title>
    <d:subtitle><xsl:apply-templates select="$pf/t:subtitle" mode="fill"/></d:subtitle>
    <xsl:for-each select="$pf/t:intro">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'">
        <d:p role="intro"><xsl:apply-templates mode="fill"/></d:p>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A section: its heading, its introduction, then its questions, each
       with its number (section.question) and its answer. -->
  <xsl:template name="proforma.section">
    <xsl:param name="number"/>
    <d:section id="pf-{$number}" number="{$number}">
      <d:heading><xsl:apply-templates select="t:heading/node()" mode="fill"/></d:heading>
      <xsl:for-each select="t:intro">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'">
          <d:p role="intro"><xsl:apply-templates mode="fill"/></d:p>
        </xsl:if>
      </xsl:for-each>
      <xsl:variable name="questions-rtf">
        <xsl:for-each select="t:question">
          <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
          <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="qs" select="exsl:node-set($questions-rtf)/t:question"/>
      <xsl:if test="$qs">
        <d:questions role="proforma">
          <xsl:for-each select="$qs">
            <d:question number="{concat($number, '.', position())}">
              <xsl:if test="@wide = 'yes'"><xsl:attribute name="wide">yes</xsl:attribute></xsl:if>
              <d:prompt><xsl:apply-templates mode="fill"/></d:prompt>
              <d:answer><xsl:call-template name="answer"/></d:answer>
            </d:question>
          </xsl:for-each>
        </d:questions>
      </xsl:if>
    </d:section>
  </xsl:template>

  <!-- The answer to the current question; a blank to complete when the
       arrangement does not give it: lines to write on under a wide
       question, else a line. -->
  <xsl:template name="answer">
    <xsl:variable name="a"><xsl:apply-templates select="." mode="answer"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($a) != '' or exsl:node-set($a)//d:table or exsl:node-set($a)//d:blank or exsl:node-set($a)//d:blank-lines">
        <xsl:copy-of select="$a"/>
      </xsl:when>
      <xsl:when test="@wide = 'yes'">
        <xsl:call-template name="blank-lines"><xsl:with-param name="lines" select="$blank-answer-lines"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="blank"><xsl:with-param name="length" select="'long'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A number of seats the data does not give (overrides base.xsl's):
       the form asks for it ("(seats: ……)"). -->
  <xsl:template name="seats-unstated">
    <xsl:call-template name="text-string"><xsl:with-param name="name" select="'seats'"/></xsl:call-template>
    <xsl:text>: </xsl:text>
    <xsl:call-template name="blank"><xsl:with-param name="length" select="'8mm'"/></xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       Sign-off: the CCG's accountable officer and clinical chair, and
       NHS England's area director, kept on one page.
       ================================================================ -->
  <xsl:template name="proforma.sign-off">
    <xsl:variable name="s" select="$pf/t:signatures"/>
    <d:section id="pf-sign-off" role="signatures" keep="together">
      <d:heading><xsl:apply-templates select="$s/t:heading/node()" mode="fill"/></d:heading>
      <xsl:for-each select="$s/t:intro">
        <d:p><xsl:apply-templates mode="fill"/></d:p>
      </xsl:for-each>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation" select="normalize-space($the-ccg/a:name)"/>
        <xsl:with-param name="person" select="$the-ccg/a:accountable-officer"/>
        <xsl:with-param name="position" select="$s/t:role[@name = 'accountable-officer']"/>
      </xsl:call-template>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation" select="normalize-space($the-ccg/a:name)"/>
        <xsl:with-param name="person" select="$the-ccg/a:ccg-chair"/>
        <xsl:with-param name="position" select="$s/t:role[@name = 'ccg-chair']"/>
      </xsl:call-template>
      <xsl:call-template name="signature-block">
        <xsl:with-param name="labels" select="$s"/>
        <xsl:with-param name="organisation">
          <xsl:choose>
            <xsl:when test="$the-area-team"><xsl:value-of select="normalize-space($the-area-team/a:name)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($nhse/a:name)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <!-- The year may name another signatory for NHS England (2017/18:
             the Director of Commissioning Operations), who is then not
             the area team's director the data names. -->
        <xsl:with-param name="person" select="$the-area-team/a:director[not($year-round/t:role[@name = 'area-director'])]"/>
        <xsl:with-param name="position" select="($year-round/t:role[@name = 'area-director'] | $s/t:role[@name = 'area-director'][not($year-round/t:role[@name = 'area-director'])])[1]"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>
</xsl:stylesheet>
