<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/proforma.xsl — the proforma a CCG completes to take on
  joint commissioning (annex A) or delegated commissioning (annex B) of
  primary medical services, one per CCG: the CCG's details, the model and
  start date, the functions in scope, the committee and its membership,
  the constitution change and member approval with the ballot result,
  conflicts of interest, staffing agreed with the area team, engagement
  (LMC, Health and Wellbeing Board, Healthwatch), where it is submitted,
  the approval route, and the sign-off.

  The questions are templates/proforma.xml (modelled on Next steps
  §7.3.1/§7.4.1: the national wording was not found).  Each question is
  answered by the template of proforma-answers.xsl that matches its
  key; an answer the data does not give is printed as a visible blank to
  fill in.

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

  Parameter: ccg — the ccg/@id (default: the first CCG).  The annex
  follows the model: A for joint, B for delegated.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:func="http://exslt.org/functions"
    xmlns:c="urn:cocom:functions:1"
    extension-element-prefixes="func"
    exclude-result-prefixes="a t exsl str c">

  <xsl:import href="base.xsl"/>
  <!-- the answer to each question -->
  <xsl:include href="proforma-answers.xsl"/>

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

  <xsl:param name="proforma-file" select="'../templates/proforma.xml'"/>
  <!-- The question column's share of the width. -->
  <xsl:param name="question-width" select="38"/>
  <!-- Dotted lines for a long answer left blank. -->
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
    <xsl:call-template name="fo-document">
      <xsl:with-param name="title" select="concat($title, ': ', normalize-space($the-ccg/a:name))"/>
      <xsl:with-param name="running-left" select="$title"/>
      <xsl:with-param name="description">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('describe-proforma-', $annex-letter)"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="footer-note"><xsl:call-template name="text"><xsl:with-param name="name" select="'proforma-note'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="bookmarks">
        <xsl:for-each select="$sections">
          <xsl:call-template name="bookmark">
            <xsl:with-param name="id" select="concat('pf-', position())"/>
            <xsl:with-param name="title">
              <xsl:value-of select="concat(position(), ' ')"/>
              <xsl:apply-templates select="t:heading/node()" mode="fill"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="bookmark">
          <xsl:with-param name="id" select="'pf-sign-off'"/>
          <xsl:with-param name="title"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="proforma.title"/>
        <xsl:if test="count($sections) &gt;= $toc-min-sections">
          <xsl:call-template name="toc">
            <xsl:with-param name="entries" select="exsl:node-set($toc-rtf)/*"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:for-each select="$sections">
          <xsl:call-template name="proforma.section">
            <xsl:with-param name="number" select="position()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="proforma.sign-off"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:variable name="toc-rtf">
    <xsl:for-each select="$sections">
      <entry id="pf-{position()}" number="{position()}">
        <xsl:attribute name="title"><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:attribute>
      </entry>
    </xsl:for-each>
    <entry id="pf-sign-off" number="">
      <xsl:attribute name="title"><xsl:apply-templates select="$pf/t:signatures/t:heading/node()" mode="fill"/></xsl:attribute>
    </entry>
  </xsl:variable>

  <!-- Title block: the annex, the title, the CCG and year, the introduction. -->
  <xsl:template name="proforma.title">
    <fo:block role="P" font-weight="bold" color="{$nhs-blue}" space-after="2pt">
      <xsl:apply-templates select="$pf/t:annex-label" mode="fill"/>
    </fo:block>
    <fo:block xsl:use-attribute-sets="title" role="H1">
      <xsl:apply-templates select="$pf/t:title" mode="fill"/>
    </fo:block>
    <fo:block xsl:use-attribute-sets="subtitle" role="P">
      <xsl:apply-templates select="$pf/t:subtitle" mode="fill"/>
    </fo:block>
    <xsl:for-each select="$pf/t:intro">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'">
        <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates mode="fill"/></fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A section: its heading, its introduction, then its questions in a
       two-column table (question, answer); a wide question's answer
       takes the full width under it. -->
  <xsl:template name="proforma.section">
    <xsl:param name="number"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="number" select="$number"/>
      <xsl:with-param name="id" select="concat('pf-', $number)"/>
      <xsl:with-param name="content"><xsl:apply-templates select="t:heading/node()" mode="fill"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="t:intro">
      <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
      <xsl:if test="$ok = 'yes'">
        <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates mode="fill"/></fo:block>
      </xsl:if>
    </xsl:for-each>
    <xsl:variable name="questions-rtf">
      <xsl:for-each select="t:question">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'"><xsl:copy-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="qs" select="exsl:node-set($questions-rtf)/t:question"/>
    <xsl:for-each select="$qs">
      <xsl:variable name="qn" select="concat($number, '.', position())"/>
      <xsl:choose>
        <!-- A wide question: the question, then its answer across the
             full width, as two ruled blocks kept together. -->
        <xsl:when test="@wide = 'yes'">
          <fo:block xsl:use-attribute-sets="proforma.wide.question" role="Div">
            <xsl:if test="preceding-sibling::t:question"><xsl:attribute name="border-top-style">none</xsl:attribute></xsl:if>
            <xsl:call-template name="question-text"><xsl:with-param name="qn" select="$qn"/></xsl:call-template>
          </fo:block>
          <fo:block xsl:use-attribute-sets="proforma.wide.answer" role="Div">
            <xsl:call-template name="answer"/>
          </fo:block>
        </xsl:when>
        <!-- The first of a run of ordinary questions: the run as a
             two-column table (question, answer). -->
        <xsl:when test="not(preceding-sibling::t:question[1]) or preceding-sibling::t:question[1][@wide = 'yes']">
          <xsl:variable name="k" select="count(preceding-sibling::t:question[@wide = 'yes'])"/>
          <xsl:variable name="start" select="position()"/>
          <fo:table xsl:use-attribute-sets="table proforma.questions" role="Table">
            <fo:table-column column-width="proportional-column-width({$question-width})"/>
            <fo:table-column column-width="proportional-column-width({100 - $question-width})"/>
            <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
              <xsl:for-each select=". | following-sibling::t:question[not(@wide = 'yes')][count(preceding-sibling::t:question[@wide = 'yes']) = $k]">
                <fo:table-row role="TR" keep-together.within-page="always">
                  <fo:table-cell xsl:use-attribute-sets="table.label.cell" role="TH">
                    <xsl:call-template name="question-text">
                      <xsl:with-param name="qn" select="concat($number, '.', $start + position() - 1)"/>
                    </xsl:call-template>
                  </fo:table-cell>
                  <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
                    <xsl:call-template name="answer"/>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Consecutive question tables and wide questions join up: no space
       between them, the shared rule drawn once. -->
  <xsl:attribute-set name="proforma.questions">
    <xsl:attribute name="space-before">0pt</xsl:attribute>
    <xsl:attribute name="space-after">0pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- margin-left/right 0: the border and padding lie inside the text
       column, as a table's do (otherwise XSL puts them outside it). -->
  <xsl:attribute-set name="proforma.wide.question" use-attribute-sets="table.label.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="proforma.wide.answer" use-attribute-sets="table.cell">
    <xsl:attribute name="margin-left">0pt</xsl:attribute>
    <xsl:attribute name="margin-right">0pt</xsl:attribute>
    <xsl:attribute name="border-top-style">none</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="question-text">
    <xsl:param name="qn"/>
    <fo:list-block role="L" provisional-distance-between-starts="10mm" provisional-label-separation="1mm">
      <fo:list-item role="LI">
        <fo:list-item-label end-indent="label-end()" role="Lbl"><fo:block role="P"><xsl:value-of select="$qn"/></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()" role="LBody"><fo:block role="P"><xsl:apply-templates mode="fill"/></fo:block></fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- The answer to the current question: blocks; a visible blank when the
       arrangement does not give it. -->
  <xsl:template name="answer">
    <xsl:variable name="a"><xsl:apply-templates select="." mode="answer"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($a) != '' or exsl:node-set($a)//fo:table or exsl:node-set($a)//fo:leader">
        <xsl:call-template name="as-blocks"><xsl:with-param name="content" select="$a"/></xsl:call-template>
      </xsl:when>
      <!-- Lines to write on stay on one page: one line alone overleaf
           reads as a stray. -->
      <xsl:when test="@wide = 'yes'">
        <fo:block keep-together.within-page="always" role="Div">
          <xsl:call-template name="blank-lines"><xsl:with-param name="lines" select="$blank-answer-lines"/></xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block role="P" text-align-last="justify"><xsl:call-template name="blank"><xsl:with-param name="length" select="'long'"/></xsl:call-template></fo:block>
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
       NHS England's area director.
       ================================================================ -->
  <xsl:template name="proforma.sign-off">
    <xsl:variable name="s" select="$pf/t:signatures"/>
    <fo:block role="Div" keep-together.within-page="always">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'pf-sign-off'"/>
        <xsl:with-param name="content"><xsl:apply-templates select="$s/t:heading/node()" mode="fill"/></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$s/t:intro">
        <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates mode="fill"/></fo:block>
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
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
